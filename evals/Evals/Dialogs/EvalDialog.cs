using System.Text.Json;

namespace Assistant.Evals.Dialogs;

/// <summary>One turn of a dialog: what the citizen types and what the bot should do (see <see cref="Expectation"/>).</summary>
public sealed record EvalTurn(string User, Expectation Expect);

/// <summary>
/// One line of a dialogs file: <c>{"id": "…", "turns": [{"user": "…", "expect": "&lt;article id&gt;|handoff|fallback|greeting|smalltalk|any"}]}</c>.
/// </summary>
public sealed record EvalDialog(string Id, IReadOnlyList<EvalTurn> Turns)
{
    /// <summary>Reads a dialogs file; a malformed line is an error naming the file and the line.</summary>
    public static async Task<IReadOnlyList<EvalDialog>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var dialogs = new List<EvalDialog>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var dialog = Parse(line);
                if (!ids.Add(dialog.Id))
                {
                    throw new FormatException($"the id \"{dialog.Id}\" is used twice");
                }

                dialogs.Add(dialog);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new FormatException(
                    $"{path}, line {lineNumber}: expected {{\"id\": \"…\", \"turns\": [{{\"user\": \"…\", \"expect\": \"<article id>|handoff|fallback|greeting|smalltalk|any\"}}]}} ({ex.Message})", ex);
            }
        }

        return dialogs;
    }

    private static EvalDialog Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var id = root.GetProperty("id").GetString() is { Length: > 0 } text ? text : throw new FormatException("\"id\" must be a non-empty string");
        var turns = new List<EvalTurn>();
        foreach (var turn in root.GetProperty("turns").EnumerateArray())
        {
            var user = turn.GetProperty("user").GetString() is { } said && !string.IsNullOrWhiteSpace(said)
                ? said
                : throw new FormatException("every turn needs a non-empty \"user\"");
            var expect = turn.GetProperty("expect").GetString() ?? throw new FormatException("\"expect\" must be a string");
            turns.Add(new EvalTurn(user, Expectation.Parse(expect)));
        }

        return turns.Count > 0 ? new EvalDialog(id, turns) : throw new FormatException("a dialog needs at least one turn");
    }
}
