using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Engine;

/// <summary>Checks DialogOptions and its nested sections at start (register it and call ValidateOnStart in the host).</summary>
public sealed class DialogOptionsValidator : IValidateOptions<DialogOptions>
{
    public ValidateOptionsResult Validate(string? name, DialogOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(DialogOptions options)
    {
        foreach (var (section, value) in new (string, object)[]
        {
            ("Dialogs", options), ("Dialogs:Handoff", options.Handoff), ("Dialogs:Hours", options.Hours),
            ("Dialogs:Requests", options.Requests), ("Dialogs:Rating", options.Rating), ("Dialogs:RateLimit", options.RateLimit),
            ("Dialogs:Context", options.Context),
        })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return $"{section}: {result.ErrorMessage}";
            }
        }

        if (options.InactivityTimeout <= TimeSpan.Zero)
        {
            yield return "Dialogs:InactivityTimeout must be positive.";
        }

        if (options.ProcessedMessageRetention < TimeSpan.FromMinutes(1))
        {
            yield return "Dialogs:ProcessedMessageRetention must be at least one minute: channels redeliver within minutes.";
        }

        if (options.Context.Lifetime <= TimeSpan.Zero)
        {
            yield return "Dialogs:Context:Lifetime must be positive.";
        }

        if (options.Rating.Window <= TimeSpan.Zero)
        {
            yield return "Dialogs:Rating:Window must be positive.";
        }

        var hours = options.Hours;
        if (hours.From < TimeSpan.Zero || hours.To > TimeSpan.FromDays(1) || hours.From >= hours.To)
        {
            yield return "Dialogs:Hours: From must be before To, both within one day (To may be 1.00:00:00).";
        }

        if (!TryFindTimeZone(hours.TimeZone))
        {
            yield return $"Dialogs:Hours:TimeZone '{hours.TimeZone}' is not a known time zone.";
        }
    }

    private static bool TryFindTimeZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
