using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// A Disclosure node in its own operating-system process: the built <c>Disclosure.Web.dll</c> under <c>dotnet</c> on a
/// loopback port, configured through environment variables as an office would configure it. Unlike a
/// <see cref="DisclosureSite"/> in the test process it can be killed outright, mid-request and mid-transaction,
/// with no shutdown code running at all.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the node wrote to its console, for the message of a failing test.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a node with these settings (<c>Section:Key</c> names) and waits until it reports ready.</summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root, as in development: appsettings.json and the themes are found from there.
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Disclosure.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new NodeProcess(process, address);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Kills the process and everything it started, at once: no shutdown, no disposal, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            Assert.False(_process.HasExited, $"节点进程已退出（退出码 {(_process.HasExited ? _process.ExitCode : 0)}）：\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting up.
            }

            Assert.True(DateTime.UtcNow < deadline, $"节点在 {within.TotalSeconds} 秒内未就绪：\n{Output}");
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The web app as built beside this test assembly (same configuration and target framework).</summary>
    private static string WebAssembly()
    {
        var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)); // …/bin/Debug/net10.0
        var path = Path.Combine(RepositoryPaths.Root, "src", "Disclosure.Web", "bin", testOutput.Parent!.Name, testOutput.Name, "Disclosure.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"未找到 {path}：请先构建解决方案。");
    }

    /// <summary>The <c>dotnet</c> host running these tests, so the node runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
