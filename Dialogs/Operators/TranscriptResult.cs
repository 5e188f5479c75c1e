using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Operators;

/// <summary>A conversation's transcript, or NotFound.</summary>
public sealed record TranscriptResult(DeskError? Error, IReadOnlyList<TranscriptEntry> Entries)
{
    public bool Succeeded => Error is null;
}
