using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>The quick start on a machine that never ran the assistant: an empty data directory.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_data_directory_logs_no_error()
    {
        var data = Path.Combine(Path.GetTempPath(), "assistant-first-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Empty(await SignInPageStart.RunAsync(data));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
