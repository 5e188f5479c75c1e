using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

/// <summary>The rules every KB obeys, whatever file it came from.</summary>
public static class KbValidator
{
    public const int MaxAnswerLength = 4000;
    public const int MaxQuestionLength = 500;

    public static KbValidationResult Validate(KnowledgeBase kb, Func<int, string>? articlePosition = null)
    {
        articlePosition ??= i => $"articles[{i}]";
        var errors = new List<KbError>();
        var situations = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kb.LifeSituations.Count; i++)
        {
            var s = kb.LifeSituations[i];
            var at = $"lifeSituations[{i}]";
            RequireId(errors, at, s.Id);
            Require(errors, at, "title", s.Title);
            if (!string.IsNullOrWhiteSpace(s.Id) && !situations.Add(s.Id))
            {
                errors.Add(new KbError(at, "id", $"life situation id '{s.Id}' is used twice"));
            }
        }

        if (kb.Articles.Count == 0)
        {
            errors.Add(new KbError("articles", "articles", "the KB has no articles"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kb.Articles.Count; i++)
        {
            var a = kb.Articles[i];
            var at = articlePosition(i);
            RequireId(errors, at, a.Id);
            if (!string.IsNullOrWhiteSpace(a.Id) && !ids.Add(a.Id))
            {
                errors.Add(new KbError(at, "id", $"article id '{a.Id}' is used twice"));
            }

            if (string.IsNullOrWhiteSpace(a.LifeSituation))
            {
                errors.Add(new KbError(at, "lifeSituation", "is required"));
            }
            else if (!situations.Contains(a.LifeSituation))
            {
                errors.Add(new KbError(at, "lifeSituation", $"'{a.LifeSituation}' is not one of the life situations"));
            }

            Require(errors, at, "title", a.Title);
            Require(errors, at, "answer", a.Answer);
            if (a.Answer?.Length > MaxAnswerLength)
            {
                errors.Add(new KbError(at, "answer", $"is {a.Answer.Length} characters long; keep answers under {MaxAnswerLength}"));
            }

            if (a.Questions is null || a.Questions.Count == 0)
            {
                errors.Add(new KbError(at, "questions", "needs at least one question"));
            }
            else
            {
                for (var q = 0; q < a.Questions.Count; q++)
                {
                    if (string.IsNullOrWhiteSpace(a.Questions[q]))
                    {
                        errors.Add(new KbError(at, $"questions[{q}]", "is empty"));
                    }
                    else if (a.Questions[q].Length > MaxQuestionLength)
                    {
                        errors.Add(new KbError(at, $"questions[{q}]", $"is longer than {MaxQuestionLength} characters"));
                    }
                }
            }

            // A list written as null (not left out) would be stored and break the index on every later load.
            if (a.Segments is null)
            {
                errors.Add(new KbError(at, "segments", "is null: give a list or leave it out"));
            }

            if (a.Sources is null)
            {
                errors.Add(new KbError(at, "sources", "is null: give a list or leave it out"));
            }

            foreach (var segment in a.Segments ?? [])
            {
                if (!Segment.IsKnown(segment))
                {
                    errors.Add(new KbError(at, "segments", $"'{segment}' is not one of citizen, business, medic"));
                }
            }

            for (var s = 0; s < (a.Sources?.Count ?? 0); s++)
            {
                var source = a.Sources![s];
                if (source is null)
                {
                    errors.Add(new KbError(at, $"sources[{s}]", "is null"));
                    continue;
                }

                Require(errors, at, $"sources[{s}].title", source.Title);
                if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    errors.Add(new KbError(at, $"sources[{s}].url", $"'{source.Url}' is not an http(s) address"));
                }
            }
        }

        for (var g = 0; g < kb.Synonyms.Count; g++)
        {
            var members = kb.Synonyms[g]?.Where(m => !string.IsNullOrWhiteSpace(m)).ToList() ?? [];
            if (members.Count < 2)
            {
                errors.Add(new KbError($"synonyms[{g}]", "synonyms", "a synonym group needs at least two words or phrases"));
            }
        }

        return new KbValidationResult(errors.Count == 0 ? kb : null, errors);
    }

    private static void RequireId(List<KbError> errors, string at, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new KbError(at, "id", "is required"));
        }
        else if (id.Length > 100 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add(new KbError(at, "id", $"'{id}' must be up to 100 characters without spaces"));
        }
    }

    private static void Require(List<KbError> errors, string at, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new KbError(at, field, "is required"));
        }
    }
}
