using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Storage;

/// <summary>How a stored article's version moves, the same in every store.</summary>
internal static class ArticleVersions
{
    /// <summary>An imported article keeps its version when unchanged and gets the next one when its content differs.</summary>
    public static Article Next(Article incoming, Article? previous, DateTimeOffset now)
    {
        if (previous is null)
        {
            return incoming with { UpdatedAt = incoming.UpdatedAt == DateTimeOffset.UnixEpoch ? now : incoming.UpdatedAt };
        }

        var same = previous.Title == incoming.Title && previous.Answer == incoming.Answer && previous.LifeSituation == incoming.LifeSituation
            && previous.Questions.SequenceEqual(incoming.Questions) && previous.Segments.SequenceEqual(incoming.Segments)
            && previous.Sources.SequenceEqual(incoming.Sources) && previous.HandoffGroup == incoming.HandoffGroup && previous.Status == incoming.Status;
        return same
            ? incoming with { Version = previous.Version, UpdatedAt = previous.UpdatedAt }
            : incoming with { Version = Math.Max(incoming.Version, previous.Version + 1), UpdatedAt = now };
    }
}
