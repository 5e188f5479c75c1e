using Microsoft.Data.Sqlite;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The audit lines in a data directory's staff.db, oldest first, each as "actor action details".</summary>
public static class StaffAuditFile
{
    public static async Task<IReadOnlyList<string>> LinesAsync(string dataDirectory)
    {
        await using var staff = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "staff.db")};Pooling=false");
        await staff.OpenAsync();
        await using var command = staff.CreateCommand();
        command.CommandText = "SELECT Actor || ' ' || Action || ' ' || COALESCE(Details, '') FROM StaffAudit ORDER BY Id";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>The actor a command run from the shell is written down as.</summary>
    public static string CliActor => "cli:" + Environment.UserName;
}
