using System.Text;

namespace Assistant.Knowledge.Import;

/// <summary>RFC 4180 reading and writing (quotes, doubled quotes, line breaks inside quoted cells) with a chosen delimiter.</summary>
public static class CsvTable
{
    /// <summary>Rows with the 1-based line each starts on; an unterminated quote is reported as an error.</summary>
    public static (List<(int Line, List<string> Cells)> Rows, string? Error) Read(string text, char delimiter)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var quoteStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                quoteStartLine = line;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                if (cells.Any(x => x.Length > 0))
                {
                    rows.Add((rowStart, cells));
                }

                cells = [];
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            return (rows, $"line {quoteStartLine}: a quoted cell is never closed");
        }

        cells.Add(cell.ToString());
        if (cells.Any(x => x.Length > 0))
        {
            rows.Add((rowStart, cells));
        }

        return (rows, null);
    }

    public static void AppendRow(StringBuilder sb, IEnumerable<string?> cells, char delimiter)
    {
        var first = true;
        foreach (var value in cells)
        {
            if (!first)
            {
                sb.Append(delimiter);
            }

            first = false;
            var v = value ?? string.Empty;
            if (v.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0)
            {
                sb.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(v);
            }
        }

        sb.Append("\r\n");
    }
}
