using System.Globalization;

namespace Assistant.Knowledge.Import;

/// <summary>A source's date in the KB format: yyyy-MM-dd, optional.</summary>
public static class KbSourceDate
{
    public static bool LooksLikeDate(string text) => text.Length == 10 && text[4] == '-' && text[7] == '-' && char.IsAsciiDigit(text[0]);

    public static DateOnly? Parse(string? text, string at, List<KbError> errors, string field = "date")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new KbError(at, field, $"'{text}' is not a date written as yyyy-MM-dd"));
        return null;
    }
}
