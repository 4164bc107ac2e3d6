namespace Disclosure.Interaction.Interviews;

/// <summary>
/// The one script of an interview page, served from <see cref="InterviewsController.ScriptPath"/>. It only adds to
/// what the server rendered: it asks <c>live.json</c> for entries after the last one shown, builds them with
/// <c>textContent</c> (never HTML from the answer) into the list, which is a polite live region, and stops once the
/// interview has ended. It rests while the tab is hidden and backs off when a request fails.
/// </summary>
public static class InterviewLiveScript
{
    public const string Source = """
        (function () {
          "use strict";
          var list = document.getElementById("live-entries");
          if (!list || !window.fetch) { return; }
          var url = list.getAttribute("data-live-url");
          var after = parseInt(list.getAttribute("data-after") || "0", 10);
          var poll = Math.max(2, parseInt(list.getAttribute("data-poll") || "5", 10)) * 1000;
          var empty = document.getElementById("live-empty");
          var status = document.getElementById("live-phase");
          var failures = 0;

          function text(parent, value) {
            value.split(/\n{2,}/).forEach(function (block) {
              if (!block.trim()) { return; }
              var p = document.createElement("p");
              block.split("\n").forEach(function (line, i) {
                if (i > 0) { p.appendChild(document.createElement("br")); }
                p.appendChild(document.createTextNode(line));
              });
              parent.appendChild(p);
            });
          }

          function add(entry) {
            if (document.getElementById("entry-" + entry.seq)) { return; }
            var li = document.createElement("li");
            li.className = "live-entry entry-" + entry.kind;
            li.id = "entry-" + entry.seq;
            var head = document.createElement("p");
            head.className = "entry-speaker";
            var who = document.createElement("strong");
            who.textContent = entry.speaker;
            var when = document.createElement("span");
            when.className = "entry-time";
            when.textContent = entry.time;
            head.appendChild(who);
            head.appendChild(document.createTextNode(" "));
            head.appendChild(when);
            li.appendChild(head);
            var body = document.createElement("div");
            body.className = "entry-text";
            text(body, entry.text);
            li.appendChild(body);
            if (entry.picture) {
              var img = document.createElement("img");
              img.src = entry.picture;
              img.alt = entry.pictureAlt || "";
              img.className = "entry-picture";
              li.appendChild(img);
            }
            list.appendChild(li);
          }

          function schedule(ms) { window.setTimeout(tick, ms); }

          function tick() {
            if (document.hidden) { schedule(poll); return; }
            fetch(url + "?after=" + after, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
              .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
              .then(function (answer) {
                failures = 0;
                answer.entries.forEach(add);
                if (answer.entries.length > 0 && empty) { empty.hidden = true; }
                after = Math.max(after, answer.last);
                list.setAttribute("data-after", String(after));
                if (status && answer.phaseName && status.textContent !== answer.phaseName) { status.textContent = answer.phaseName; }
                if (answer.more) { schedule(0); }
                else if (answer.phase !== "ended") { schedule((answer.pollSeconds || poll / 1000) * 1000); }
              })
              .catch(function () { failures = Math.min(failures + 1, 6); schedule(poll * Math.pow(2, failures)); });
          }

          if (list.getAttribute("data-phase") !== "ended") { schedule(poll); }
        })();
        """;
}
