using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.Answering;

/// <summary>How long what was last answered stays the context of the next messages (section "Dialogs:Context").</summary>
public sealed class ContextOptions
{
    /// <summary>The context lasts for this many of the citizen's next questions (0 turns context off).</summary>
    [Range(0, 20)]
    public int Turns { get; set; } = 3;

    /// <summary>…and no longer than this after the answer that set it.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The context keeps at most this many of the latest words of the questions it is made of.</summary>
    [Range(4, 200)]
    public int MaxWords { get; set; } = 24;
}
