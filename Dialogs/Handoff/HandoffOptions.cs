using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.Handoff;

/// <summary>When the bot hands over to a person, and to which queue.</summary>
public sealed class HandoffOptions
{
    /// <summary>Fallbacks in a row after which the bot hands over without being asked.</summary>
    [Range(1, 10)]
    public int FallbacksBeforeHandoff { get; set; } = 2;

    /// <summary>Transfers between staff per conversation (bot → operator counts as the first); the standard allows two.</summary>
    [Range(1, 10)]
    public int MaxTransfers { get; set; } = 2;

    /// <summary>The skill group for questions whose article names none (or when no article is known).</summary>
    [Required]
    public string DefaultGroup { get; set; } = "general";

    /// <summary>Conversations waiting in one group's queue beyond which a written request is offered instead.</summary>
    [Range(1, 100_000)]
    public int MaxQueueLength { get; set; } = 20;

    /// <summary>Articles that always go to a person instead of being answered by the bot.</summary>
    public List<string> SensitiveArticleIds { get; set; } = [];

    /// <summary>Life situations that always go to a person (for example "complaints", "disability").</summary>
    public List<string> SensitiveLifeSituations { get; set; } = [];
}
