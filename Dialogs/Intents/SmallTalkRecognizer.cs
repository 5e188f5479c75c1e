using System.Text;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Intents;

/// <summary>
/// Tells small talk from questions. A message is small talk when its words are all covered by small-talk phrases and filler
/// words («спасибо вам большое», «ты робот?»); one more word and it is a question for the KB («спасибо, а как записаться к
/// врачу?»). Rudeness is recognised by word beginnings and wins when the rest of the message asks nothing.
/// </summary>
public sealed class SmallTalkRecognizer
{
    /// <summary>More words than this and a message is read as a question, whatever it opens with.</summary>
    private const int MaxWords = 8;

    /// <summary>Besides rude words and fillers, a rude message may hold this many words and still ask nothing.</summary>
    private const int AbuseMaxOtherWords = 3;

    // Checked in this order: «спасибо, пока» is a goodbye, «привет, ты робот?» a question about the bot, «спасибо, у меня ещё
    // вопрос» an invitation to ask.
    private readonly (SmallTalkKind Kind, string[][] Phrases)[] _topics;
    private readonly string[] _abuse;
    private readonly HashSet<string> _fillers;
    private readonly (SmallTalkKind Kind, string[] Emoji)[] _emoji;

    public SmallTalkRecognizer(SmallTalkPhrases phrases)
    {
        _topics =
        [
            (SmallTalkKind.WhoAreYou, Split(phrases.WhoAreYou.Recognise)),
            (SmallTalkKind.Abilities, Split(phrases.Abilities.Recognise)),
            (SmallTalkKind.Preamble, Split(phrases.Preamble.Recognise)),
            (SmallTalkKind.Goodbye, Split(phrases.Goodbye.Recognise)),
            (SmallTalkKind.Thanks, Split(phrases.Thanks.Recognise)),
            (SmallTalkKind.Greeting, Split(phrases.Greeting.Recognise)),
            (SmallTalkKind.Acknowledge, Split(phrases.Acknowledge.Recognise)),
        ];
        _abuse = [.. phrases.Abuse.Recognise.Select(p => string.Join(' ', IntentRecognizer.Words(p)))];
        _fillers = [.. phrases.Fillers.SelectMany(IntentRecognizer.Words)];
        _emoji =
        [
            (SmallTalkKind.Thanks, [.. phrases.Thanks.Emoji.Select(Bare).Where(e => e.Length > 0)]),
            (SmallTalkKind.Acknowledge, [.. phrases.Acknowledge.Emoji.Select(Bare).Where(e => e.Length > 0)]),
        ];
    }

    /// <summary>The kind of small talk <paramref name="words"/> (lower-case, ё as е) are, or null for a question.</summary>
    public SmallTalkKind? Recognize(string[] words)
    {
        if (words.Length == 0)
        {
            return null;
        }

        var rude = words.Count(w => _abuse.Any(a => w.StartsWith(a, StringComparison.Ordinal)));
        if (rude > 0 && words.Count(w => !_fillers.Contains(w)) - rude <= AbuseMaxOtherWords)
        {
            return SmallTalkKind.Abuse;
        }

        if (words.Length > MaxWords)
        {
            return null;
        }

        var covered = new bool[words.Length];
        SmallTalkKind? found = null;
        foreach (var (kind, phrases) in _topics)
        {
            foreach (var phrase in phrases)
            {
                for (var start = 0; start + phrase.Length <= words.Length; start++)
                {
                    if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                    {
                        Array.Fill(covered, true, start, phrase.Length);
                        found ??= kind;
                    }
                }
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!covered[i] && !_fillers.Contains(words[i]))
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>
    /// A message of emoji only that says thanks or «ок» (👍, 🙏🙏, 👍🏽!, 👍🙏): every emoji in it is one of these topics' (thanks
    /// when any says thanks). In messengers this is how many people acknowledge an answer.
    /// </summary>
    public SmallTalkKind? RecognizeEmoji(string? text)
    {
        var rest = Bare(text ?? string.Empty);
        if (rest.Length == 0)
        {
            return null;
        }

        SmallTalkKind? said = null;
        var at = 0;
        while (at < rest.Length)
        {
            var step = 0;
            foreach (var (kind, emoji) in _emoji)
            {
                foreach (var e in emoji)
                {
                    if (string.CompareOrdinal(rest, at, e, 0, e.Length) == 0)
                    {
                        step = e.Length;
                        said = said == SmallTalkKind.Thanks ? said : kind;
                        break;
                    }
                }

                if (step > 0)
                {
                    break;
                }
            }

            if (step == 0)
            {
                return null;
            }

            at += step;
        }

        return said;
    }

    /// <summary>Without spaces, punctuation, variation selectors, joiners and skin-tone modifiers: 👍🏽! and 👍 are one emoji here.</summary>
    private static string Bare(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || rune.Value is 0xFE0F or 0xFE0E or 0x200D || rune.Value is >= 0x1F3FB and <= 0x1F3FF)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private static string[][] Split(IEnumerable<string> phrases) =>
        [.. phrases.Select(p => IntentRecognizer.Words(p)).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
}
