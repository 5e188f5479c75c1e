using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.PersonalManagers;

/// <summary>What the service remembers about a person across conversations, for personal-manager routing (no message text).</summary>
public sealed record ClientRecord
{
    public required ConversationKey Key { get; init; }

    /// <summary>The operator who last took this person's conversation.</summary>
    public string? LastOperatorId { get; init; }

    /// <summary>Flags operators set (e.g. «инвалидность»); they stay with the person.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>When the person was handed to operators, within the repeat window.</summary>
    public IReadOnlyList<DateTimeOffset> Handovers { get; init; } = [];
}
