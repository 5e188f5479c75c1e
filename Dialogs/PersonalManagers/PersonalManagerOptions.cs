using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.PersonalManagers;

/// <summary>
/// Section "Dialogs:PersonalManagers": who gets a personal manager (the operator who helped them last), see docs/staff.md.
/// A person qualifies by segment, by a flag an operator set, or by repeated handovers.
/// </summary>
public sealed class PersonalManagerOptions
{
    /// <summary>Segments whose people always go to their last operator (e.g. "business").</summary>
    public List<string> Segments { get; set; } = [];

    /// <summary>Flags an operator may set on a conversation; a flagged person goes to their last operator (e.g. «инвалидность»).</summary>
    public List<string> Flags { get; set; } = ["инвалидность"];

    /// <summary>This many handovers within <see cref="RepeatDays"/> (this one included) make a person a repeated contact; 0 turns it off.</summary>
    [Range(0, 100)]
    public int RepeatHandovers { get; set; } = 3;

    [Range(1, 365)]
    public int RepeatDays { get; set; } = 30;

    /// <summary>How long the conversation waits for the personal manager alone before the whole group sees it.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromMinutes(2);
}
