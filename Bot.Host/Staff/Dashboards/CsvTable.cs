using System.Globalization;
using System.Text;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>
/// A dashboard table as CSV: RFC 4180 (CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a BOM
/// so spreadsheet programs open the Cyrillic correctly.
/// </summary>
public static class CsvTable
{
    public static readonly string[] Names = ["outcomes", "transfers", "times", "requests", "unanswered", .. DashboardService.Dimensions.Select(d => "csat-" + d.Dimension)];

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(",", row.Select(Field))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The rows of one of <see cref="Names"/>, or null for an unknown name.</summary>
    public static byte[]? For(DashboardModel model, string name)
    {
        static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        switch (name)
        {
            case "outcomes":
                return Write(["показатель", "диалогов", "из", "доля, %"],
                [
                    ["решено ботом без специалиста", I(model.BotAlone.Count), I(model.BotAlone.Of), N(model.BotAlone.Percent)],
                    ["был ответ «не знаю»", I(model.WithFallback.Count), I(model.WithFallback.Of), N(model.WithFallback.Percent)],
                    ["передано специалисту", I(model.HandedOver.Count), I(model.HandedOver.Of), N(model.HandedOver.Percent)],
                ]);
            case "transfers":
                return Write(["передач в диалоге", "диалогов"], model.Transfers.Select(t => (IReadOnlyList<string>)[t.Transfers, I(t.Count)]));
            case "times":
                return Write(["показатель", "измерено", "p50, с (не более)", "p90, с (не более)", "не дождались"],
                    model.Times.Select(t => (IReadOnlyList<string>)[t.Name, I(t.Count), t.P50Seconds?.ToString(CultureInfo.InvariantCulture) ?? "", t.P90Seconds?.ToString(CultureInfo.InvariantCulture) ?? "", I(t.Never)]));
            case "requests":
                return Write(["обращений", "отвечено в срок", "отвечено с опозданием", "просрочено", "в работе в срок", "закрыто без ответа"],
                    [[I(model.Requests.Filed), I(model.Requests.AnsweredInTime), I(model.Requests.AnsweredLate), I(model.Requests.OpenOverdue), I(model.Requests.OpenInTime), I(model.Requests.ClosedUnanswered)]]);
            case "unanswered":
                return Write(["вопрос (пример группы)", "вопросов в группе"], model.TopUnanswered.Select(u => (IReadOnlyList<string>)[u.Example, I(u.Count)]));
        }

        var table = model.Csat.FirstOrDefault(t => "csat-" + t.Dimension == name);
        return table is null
            ? null
            : Write(["ключ", "название", "оценок", "средняя", "1", "2", "3", "4", "5"],
                table.Rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Title, I(r.Count), N(r.Mean), .. r.Distribution.Select(I)]));
    }

    private static string Field(string value)
    {
        // A citizen's question that starts like a formula («=HYPERLINK(…)», «+7…», «@…») would be run by a spreadsheet
        // program when the file is opened: such a text cell starts with an apostrophe, which the program shows as text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
