using System.Text.Json;

namespace Assistant.Evals;

/// <summary>One line of a questions file: the message and the article that answers it (null: out of scope, fallback is right).</summary>
public sealed record EvalQuestion(string Q, string? Expected)
{
    public bool InScope => Expected is not null;

    public static async Task<IReadOnlyList<EvalQuestion>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var questions = new List<EvalQuestion>();
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
                using var doc = JsonDocument.Parse(line);
                var q = doc.RootElement.GetProperty("q").GetString() ?? throw new FormatException("\"q\" must be a string");
                var expected = doc.RootElement.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                questions.Add(new EvalQuestion(q, expected));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{path}, line {lineNumber}: expected {{\"q\": \"…\", \"expected\": \"<article id>\" | null}} ({ex.Message})", ex);
            }
        }

        return questions;
    }
}
