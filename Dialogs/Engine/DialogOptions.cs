using System.ComponentModel.DataAnnotations;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Throttling;

namespace Assistant.Dialogs.Engine;

/// <summary>Settings of the dialog engine (section "Dialogs"); every default works on one machine.</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>Longer messages get a polite request to write shorter; the stored text is cut to this length.</summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>What the last answer was about, read with the next messages (follow-ups such as «а для ребёнка?»).</summary>
    public Answering.ContextOptions Context { get; set; } = new();

    /// <summary>Open conversations with no message for this long are closed by <see cref="ConversationEngine.CloseInactiveAsync"/>.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long processed channel message ids are remembered, so a redelivery within it is skipped.</summary>
    public TimeSpan ProcessedMessageRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A phrases file whose keys replace the embedded Templates/phrases.ru.json (see <see cref="Templates.BotPhrases.Load"/>).</summary>
    public string? PhrasesPath { get; set; }

    public HandoffOptions Handoff { get; set; } = new();

    public OperatorHoursOptions Hours { get; set; } = new();

    public WrittenRequestOptions Requests { get; set; } = new();

    public RatingOptions Rating { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public PersonalManagers.PersonalManagerOptions PersonalManagers { get; set; } = new();
}
