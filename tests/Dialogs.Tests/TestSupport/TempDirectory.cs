using Microsoft.Data.Sqlite;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>A fresh folder under the system temp directory, deleted (with any SQLite files in it) when the test is done.</summary>
public sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dialogs-tests-");

    public string Path => _directory.FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the database file open; release them first or the delete fails on some platforms.
        SqliteConnection.ClearAllPools();
        if (_directory.Exists)
        {
            _directory.Delete(recursive: true);
        }
    }
}
