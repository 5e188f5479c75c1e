using System.Diagnostics;
using YamlDotNet.RepresentationModel;

using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>deploy/compose.yaml is valid for docker-compose; deploy/k8s/ has what a production cluster needs, secrets only by reference.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");

    [Fact]
    public async Task The_compose_file_validates_and_refuses_to_start_without_its_secrets()
    {
        var (ok, output) = await ComposeConfigAsync(("POSTGRES_PASSWORD", "p"), ("REDIS_PASSWORD", "r"));
        Assert.True(ok, output);
        foreach (var service in new[] { "bot1:", "bot2:", "balancer:", "redis:", "postgres:", "qdrant:", "prometheus:" })
        {
            Assert.Contains(service, output);
        }

        var (withoutSecrets, error) = await ComposeConfigAsync();
        Assert.False(withoutSecrets);
        Assert.Contains("PASSWORD", error);

        var haproxy = await File.ReadAllTextAsync(Path.Combine(Deploy, "haproxy.cfg"));
        Assert.Contains("option httpchk GET /healthz/ready", haproxy);
        Assert.Contains("timeout tunnel", haproxy);
        var prometheus = await File.ReadAllTextAsync(Path.Combine(Deploy, "prometheus.yml"));
        Assert.Contains("bot1:9464", prometheus);
    }

    [Fact]
    public void The_deployment_probes_the_health_endpoints_limits_resources_and_takes_secrets_only_by_reference()
    {
        var deployment = Load("deployment.yaml");
        Assert.Equal("Deployment", Scalar(deployment, "kind"));
        Assert.True(int.Parse(Scalar(deployment, "spec", "replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var container = (YamlMappingNode)((YamlSequenceNode)Node(deployment, "spec", "template", "spec", "containers")).Children[0];
        Assert.Equal("/healthz/ready", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz/live", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.NotNull(Node(container, "resources", "requests", "cpu"));
        Assert.NotNull(Node(container, "resources", "limits", "memory"));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));

        var env = ((YamlSequenceNode)Node(container, "env")).Children.Cast<YamlMappingNode>().ToList();
        foreach (var name in new[] { "ConnectionStrings__Redis", "ConnectionStrings__Postgres", "ConnectionStrings__Qdrant", "Telegram__BotToken" })
        {
            var variable = env.Single(e => Scalar(e, "name") == name);
            Assert.False(variable.Children.ContainsKey(new YamlScalarNode("value")), $"{name} must come from a Secret, not be written in the manifest.");
            Assert.Equal("assistant", Scalar(variable, "valueFrom", "secretKeyRef", "name"));
        }

        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Deploy, "k8s")), f => Load(Path.GetFileName(f)) is var doc && Scalar(doc, "kind") == "Secret");
    }

    [Fact]
    public void Service_ingress_disruption_budget_and_autoscaler_point_at_the_deployment()
    {
        Assert.Equal("assistant", Scalar(Load("service.yaml"), "spec", "selector", "app.kubernetes.io/name"));
        var ingress = Load("ingress.yaml");
        Assert.Equal("off", Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-buffering"));
        Assert.True(int.Parse(Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-read-timeout"), System.Globalization.CultureInfo.InvariantCulture) >= 600);
        Assert.Equal("1", Scalar(Load("pdb.yaml"), "spec", "minAvailable"));
        var hpa = Load("hpa.yaml");
        Assert.Equal("Deployment", Scalar(hpa, "spec", "scaleTargetRef", "kind"));
        Assert.Equal("assistant", Scalar(hpa, "spec", "scaleTargetRef", "name"));
        Assert.Equal("2", Scalar(hpa, "spec", "minReplicas"));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Deploy, "k8s", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    private static async Task<(bool Ok, string Output)> ComposeConfigAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("docker-compose") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-f", Path.Combine(Deploy, "compose.yaml"), "config" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("POSTGRES_PASSWORD");
        start.Environment.Remove("REDIS_PASSWORD");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start (.ci/run installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output + await error);
    }
}
