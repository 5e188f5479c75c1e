namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The repository the tests run from, for files they check (deploy/, tests/TestServers/).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above the test binaries.");
    }
}
