using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>
/// deploy/Containerfile builds with buildah (on local base images: no registry is reachable here), and the image runs with
/// podman as a non-root user on a read-only root filesystem and answers through /api/ask and the web chat.
/// </summary>
[Collection(ContainerImageCollection.Name)]
public sealed class ContainerImageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_image_builds_runs_read_only_as_non_root_and_answers_through_the_web_chat_and_the_ask_api()
    {
        var work = Path.Combine(Path.GetTempPath(), "assistant-image-test");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, "containers.conf"), "[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = \"cgroupfs\"\nruntime = \"runc\"\n");
        await File.WriteAllTextAsync(Path.Combine(work, "storage.conf"), $"[storage]\ndriver = \"vfs\"\nrunroot = \"{work}/run\"\ngraphroot = \"{work}/graph\"\n");
        var environment = new Dictionary<string, string> { ["CONTAINERS_CONF"] = Path.Combine(work, "containers.conf"), ["CONTAINERS_STORAGE_CONF"] = Path.Combine(work, "storage.conf") };

        await RunAsync("bash", [Path.Combine(Repository.Root, "tests", "TestServers", "image", "make-bases.sh"), work], environment);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await RunAsync("buildah", ["bud", "--format", "docker", "--network", "host", "--volume", $"{packages}:/root/.nuget/packages", "-f", "deploy/Containerfile",
            "--build-arg", "SDK_IMAGE=localhost/assistant-sdk-base", "--build-arg", "RUNTIME_IMAGE=localhost/assistant-runtime-chiseled",
            "-t", "localhost/assistant:test", "."], environment);
        var size = (await RunAsync("podman", ["image", "inspect", "--format", "{{.Size}}", "localhost/assistant:test"], environment)).Trim();
        var megabytes = long.Parse(size, System.Globalization.CultureInfo.InvariantCulture) / 1_000_000;
        output.WriteLine($"image: {megabytes} MB");
        Assert.True(megabytes <= 250, $"The image is {megabytes} MB; an administrator pulls at most 250 MB (issue #15).");

        var port = Support.FreeTcpPort.Next();
        var name = "assistant-test-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("podman", ["run", "-d", "--name", name, "--runtime", "runc", "--network", "host", "--read-only", "--tmpfs", "/tmp",
            "-v", $"{name}:/data", "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}", "-e", $"HEALTHCHECK_PORT={port}", "localhost/assistant:test"], environment);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            await ReadyAsync(client);
            // The runtime image has no shell and no `id`: the app process's user is read from the host's /proc.
            var pid = (await RunAsync("podman", ["inspect", "--format", "{{.State.Pid}}", name], environment)).Trim();
            var uid = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            Assert.Equal("1654", uid);
            Assert.NotEqual(0, (await RunExitCodeAsync("podman", ["exec", name, "sh", "-c", "true"], environment)));

            // The image's own HEALTHCHECK (the app's `healthcheck` verb; the image has no curl or shell) passes against the running app.
            await RunAsync("podman", ["healthcheck", "run", name], environment);

            using (var asked = await client.PostAsJsonAsync("api/ask", new { text = "как получить полис омс" }))
            using (var json = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()))
            {
                Assert.Equal("answer", json.RootElement.GetProperty("decision").GetString());
                Assert.Equal("oms-get-policy", json.RootElement.GetProperty("candidates")[0].GetProperty("articleId").GetString());
            }

            var visitor = Guid.NewGuid().ToString();
            using var stream = await client.GetStreamAsync($"api/webchat/stream?userId={visitor}");
            using var reader = new StreamReader(stream);
            var sent = await client.PostAsJsonAsync("api/webchat/activities", new { userId = visitor, clientMessageId = "c1", type = "message", text = "как получить полис омс" });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            string? line;
            do
            {
                line = await reader.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !(line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("\"kind\":\"answer\"", StringComparison.Ordinal)));

            Assert.NotNull(line);
            Assert.Contains("полис", line, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await RunAsync("podman", ["rm", "-f", name], environment, check: false);
            await RunAsync("podman", ["volume", "rm", "-f", name], environment, check: false);
            // The image of the previous run, untagged by this one, would otherwise stay in the test's storage.
            await RunAsync("podman", ["image", "prune", "-f"], environment, check: false);
        }
    }

    private static async Task ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("healthz/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The container did not become ready within a minute.");
    }

    private static ProcessStartInfo StartInfo(string file, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Repository.Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task<int> RunExitCodeAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(file, args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task<string> RunAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment, bool check = true)
    {
        var start = StartInfo(file, args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start (.ci/run installs it).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}\n{await stdout}");
        }

        return await stdout;
    }
}

/// <summary>
/// Building an image copies gigabytes and keeps both cores busy for a minute: it runs alone, after the other tests, so their
/// browser and server timeouts never meet it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerImageCollection
{
    public const string Name = "Container image (runs alone)";
}
