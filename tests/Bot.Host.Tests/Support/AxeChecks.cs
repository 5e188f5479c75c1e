using Deque.AxeCore.Commons;

namespace Assistant.Bot.Host.Tests.Support;

public static class AxeChecks
{
    /// <summary>Fails with every serious or critical axe-core violation, its rule, help link and the offending nodes.</summary>
    public static void AssertNoSeriousViolations(string where, AxeResult result)
    {
        Assert.True(result.Passes.Length > 0, $"axe-core ran on {where}");
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core at {where}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      "
                + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))))));
    }
}
