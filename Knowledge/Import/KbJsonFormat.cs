using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

/// <summary>The canonical JSON form of a KB (docs/kb-format.md, docs/kb.schema.json).</summary>
public static class KbJsonFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static KbValidationResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return KbValidationResult.Failed(new KbError($"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}", "json", "the file is not valid JSON: " + FirstSentence(ex.Message)));
        }

        using (document)
        {
            var errors = new List<KbError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return KbValidationResult.Failed(new KbError("$", "json", "the file must hold one JSON object with lifeSituations and articles"));
            }

            var situations = ReadArray(root, "$", "lifeSituations", errors, required: true, (e, at) =>
                new LifeSituation(ReadString(e, at, "id", errors, required: true) ?? "", ReadString(e, at, "title", errors, required: true) ?? ""));
            var articles = ReadArray(root, "$", "articles", errors, required: true, (e, at) => ReadArticle(e, at, errors));
            var synonyms = ReadArray(root, "$", "synonyms", errors, required: false, (e, at) =>
                e.ValueKind == JsonValueKind.Array
                    ? (IReadOnlyList<string>)e.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "").ToList()
                    : Error<IReadOnlyList<string>>(errors, at, "synonyms", "each synonym group must be an array of strings", []));

            var content = KbValidator.Validate(new KnowledgeBase { LifeSituations = situations, Articles = articles, Synonyms = synonyms });
            if (errors.Count == 0)
            {
                return content;
            }

            // A file whose lists could not be read at all says only that; otherwise every problem is listed at once. A life
            // situation that could not be read leaves the articles of its (unknown) id with a reference error that is not theirs.
            if (errors.Any(e => e.Position == "$"))
            {
                return new KbValidationResult(null, errors);
            }

            var situationUnread = errors.Any(e => e.Position.StartsWith("lifeSituations[", StringComparison.Ordinal));
            var rules = content.Errors.Where(e => !(situationUnread && e.Field == "lifeSituation")).ToList();
            return new KbValidationResult(null, KbErrors.Merge(errors, rules));
        }
    }

    public static string Write(KnowledgeBase kb)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("lifeSituations");
            foreach (var s in kb.LifeSituations)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("title", s.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("articles");
            foreach (var a in kb.Articles)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("lifeSituation", a.LifeSituation);
                WriteStrings(w, "segments", a.Segments);
                w.WriteString("title", a.Title);
                WriteStrings(w, "questions", a.Questions);
                w.WriteString("answer", a.Answer);
                w.WriteStartArray("sources");
                foreach (var src in a.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("title", src.Title);
                    w.WriteString("url", src.Url);
                    if (src.Date is { } date)
                    {
                        w.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (a.HandoffGroup is not null)
                {
                    w.WriteString("handoffGroup", a.HandoffGroup);
                }

                w.WriteString("status", a.Status == ArticleStatus.Draft ? "draft" : "published");
                w.WriteNumber("version", a.Version);
                w.WriteString("updatedAt", a.UpdatedAt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("synonyms");
            foreach (var group in kb.Synonyms)
            {
                WriteStrings(w, null, group);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Article ReadArticle(JsonElement e, string at, List<KbError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new KbError(at, "article", "each article must be a JSON object"));
            return new Article { Id = "", LifeSituation = "", Title = "", Questions = [], Answer = "" };
        }

        var status = ReadString(e, at, "status", errors, required: false);
        if (status is not null && status is not ("draft" or "published"))
        {
            errors.Add(new KbError(at, "status", $"'{status}' must be draft or published"));
        }

        var version = 1;
        if (e.TryGetProperty("version", out var v) && (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out version) || version < 1))
        {
            errors.Add(new KbError(at, "version", "must be a whole number from 1"));
        }

        var updatedAt = DateTimeOffset.UnixEpoch;
        if (e.TryGetProperty("updatedAt", out var u) && (u.ValueKind != JsonValueKind.String || !u.TryGetDateTimeOffset(out updatedAt)))
        {
            errors.Add(new KbError(at, "updatedAt", "must be an ISO 8601 date and time"));
        }

        return new Article
        {
            Id = ReadString(e, at, "id", errors, required: true) ?? "",
            LifeSituation = ReadString(e, at, "lifeSituation", errors, required: true) ?? "",
            Segments = ReadStrings(e, at, "segments", errors) ?? [Segment.Citizen],
            Title = ReadString(e, at, "title", errors, required: true) ?? "",
            Questions = ReadStrings(e, at, "questions", errors) ?? [],
            Answer = ReadString(e, at, "answer", errors, required: true) ?? "",
            Sources = ReadArray(e, at, "sources", errors, required: false, (s, sat) =>
                new ArticleSource(ReadString(s, sat, "title", errors, required: true) ?? "", ReadString(s, sat, "url", errors, required: true) ?? "",
                    KbSourceDate.Parse(ReadString(s, sat, "date", errors, required: false), sat, errors))),
            HandoffGroup = ReadString(e, at, "handoffGroup", errors, required: false),
            Status = status == "draft" ? ArticleStatus.Draft : ArticleStatus.Published,
            Version = version,
            UpdatedAt = updatedAt,
        };
    }

    private static IReadOnlyList<T> ReadArray<T>(JsonElement parent, string at, string name, List<KbError> errors, bool required, Func<JsonElement, string, T> read)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new KbError(at, name, "is required"));
            }

            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new KbError(at, name, "must be an array"));
            return [];
        }

        var prefix = at == "$" ? name : $"{at}.{name}";
        return array.EnumerateArray().Select((e, i) => read(e, $"{prefix}[{i}]")).ToList();
    }

    private static string? ReadString(JsonElement e, string at, string name, List<KbError> errors, bool required)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new KbError(at, name, "the item must be a JSON object"));
            return null;
        }

        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new KbError(at, name, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new KbError(at, name, "must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static IReadOnlyList<string>? ReadStrings(JsonElement e, string at, string name, List<KbError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            errors.Add(new KbError(at, name, "must be an array of strings"));
            return null;
        }

        return value.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    private static void WriteStrings(Utf8JsonWriter w, string? name, IEnumerable<string> values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static T Error<T>(List<KbError> errors, string at, string field, string message, T fallback)
    {
        errors.Add(new KbError(at, field, message));
        return fallback;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
