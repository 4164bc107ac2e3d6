/*
 * Search suggestions for the site's search boxes (站内搜索 输入提示). Progressive: without this script each box is a
 * plain GET form to /search. With it, a box marked data-suggest="<suggest URL>" becomes an ARIA 1.2 combobox with a
 * listbox popup: typing asks the suggest API (debounced, the last answer wins), Up/Down move through the options,
 * Enter searches for the active option, Escape closes the list (a second Escape clears the box), a click on an option
 * searches for it; keys belong to an input method while it composes. Options are built with textContent only: no HTML from the answer ever reaches the page.
 * Served from the site itself, so the Content-Security-Policy (script-src 'self') allows it; it has no inline code.
 */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) { return; }

  var boxes = document.querySelectorAll("input[data-suggest]");
  for (var i = 0; i < boxes.length; i++) { enhance(boxes[i]); }

  function enhance(input) {
    var endpoint = input.getAttribute("data-suggest");
    var form = input.form;
    if (!endpoint || !form || !input.id) { return; }

    var listId = input.id + "-suggestions";
    var host = document.createElement("span");
    host.className = "suggest-host";
    input.parentNode.insertBefore(host, input);
    host.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "搜索建议");
    list.hidden = true;
    host.appendChild(list);

    // How many suggestions there are, said once by screen readers (the list itself is not a live region).
    var status = document.createElement("span");
    status.className = "visually-hidden";
    // A live region without role="status", so the page's own status (共找到 …) stays the only one.
    status.setAttribute("aria-live", "polite");
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = 0;
    var asked = 0;
    var lastText = null;

    function open() {
      if (items.length === 0) { return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function setActive(index) {
      active = index;
      var options = list.children;
      for (var k = 0; k < options.length; k++) {
        options[k].setAttribute("aria-selected", k === index ? "true" : "false");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      items = suggestions;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggestion suggestion-" + (suggestion.kind === "title" ? "title" : "query");
        var text = document.createElement("span");
        text.className = "suggestion-text";
        text.textContent = suggestion.text;
        option.appendChild(text);
        var kind = document.createElement("span");
        kind.className = "suggestion-kind";
        kind.textContent = suggestion.kind === "title" ? "标题" : "常用";
        option.appendChild(kind);
        // mousedown would take the focus from the box before the click lands.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = suggestions.length > 0 ? "有 " + suggestions.length + " 条搜索建议，可用上下方向键选择" : "";
      if (suggestions.length > 0) { open(); } else { close(); }
    }

    function choose(index) {
      var suggestion = items[index];
      if (!suggestion) { return; }
      input.value = suggestion.text;
      close();
      form.submit();
    }

    function ask() {
      var text = input.value.trim();
      if (text === lastText) { open(); return; }
      lastText = text;
      if (text.length === 0 || text.length > 50) { render([]); return; }
      var ticket = ++asked;
      var url = endpoint + (endpoint.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text);
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          // An older answer arriving late never replaces a newer one.
          if (ticket !== asked) { return; }
          render(Array.isArray(body.suggestions) ? body.suggestions : []);
        })
        .catch(function () { if (ticket === asked) { render([]); } });
    }

    // Chinese is typed through an input method: while it composes (pinyin letters, a candidate list of its own) its
    // keys are its own, so Enter picks its candidate, not a suggestion (see keydown). The box is asked about again
    // when the composition ends; asking meanwhile only costs a request, while skipping those inputs could leave the
    // list stale where a browser reports a composition without ending it.
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    }
    input.addEventListener("compositionend", schedule);
    input.addEventListener("input", schedule);

    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) { return; }
      var key = event.key;
      if (key === "ArrowDown" || key === "Down") {
        event.preventDefault();
        if (list.hidden) { open(); if (!list.hidden) { setActive(0); } return; }
        setActive(active + 1 >= items.length ? 0 : active + 1);
      } else if (key === "ArrowUp" || key === "Up") {
        event.preventDefault();
        if (list.hidden) { open(); if (!list.hidden) { setActive(items.length - 1); } return; }
        setActive(active <= 0 ? items.length - 1 : active - 1);
      } else if (key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (key === "Escape" || key === "Esc") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastText = null;
        }
      } else if (key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { close(); });
  }
})();
