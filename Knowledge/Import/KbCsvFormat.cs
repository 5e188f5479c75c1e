using System.Text;
using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

/// <summary>
/// The spreadsheet form of a KB: one row per curated question (docs/kb-format.md). Article columns may be left empty on the rows
/// after an article's first one; when filled they must agree. A row with article_id "~synonyms" holds one synonym group ("a | b | c").
/// </summary>
public static class KbCsvFormat
{
    public const string SynonymsRow = "~synonyms";

    public static readonly string[] Columns =
        ["life_situation_id", "life_situation_title", "article_id", "segments", "title", "question", "answer", "sources", "handoff_group", "status"];

    public static char DelimiterFor(string path) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    public static KbValidationResult Parse(string text, char delimiter)
    {
        var (rows, error) = CsvTable.Read(text.TrimStart('\uFEFF'), delimiter);
        if (error is not null)
        {
            return KbValidationResult.Failed(new KbError(error.Split(':')[0], "csv", error[(error.IndexOf(':') + 2)..]));
        }

        if (rows.Count == 0)
        {
            return KbValidationResult.Failed(new KbError("line 1", "header", "the file is empty"));
        }

        var header = rows[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Take(Columns.Length - 1).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return KbValidationResult.Failed(new KbError("line 1", "header", "missing columns: " + string.Join(", ", missing)));
        }

        var errors = new List<KbError>();
        var situations = new List<LifeSituation>();
        var situationTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        var articles = new List<ArticleDraft>();
        var byId = new Dictionary<string, ArticleDraft>(StringComparer.Ordinal);
        var synonyms = new List<IReadOnlyList<string>>();

        foreach (var (line, cells) in rows.Skip(1))
        {
            var at = $"line {line}";
            string Cell(string column)
            {
                var i = header.IndexOf(column);
                return i >= 0 && i < cells.Count ? cells[i].Trim() : string.Empty;
            }

            if (cells.Count > header.Count)
            {
                errors.Add(new KbError(at, "row", $"has {cells.Count} cells, the header has {header.Count}"));
                continue;
            }

            var articleId = Cell("article_id");
            if (articleId == SynonymsRow)
            {
                synonyms.Add(Cell("question").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            var situationId = Cell("life_situation_id");
            var situationTitle = Cell("life_situation_title");
            if (situationId.Length > 0 && situationTitle.Length > 0)
            {
                if (situationTitles.TryGetValue(situationId, out var known))
                {
                    if (known != situationTitle)
                    {
                        errors.Add(new KbError(at, "life_situation_title", $"'{situationTitle}' differs from '{known}' given earlier for '{situationId}'"));
                    }
                }
                else
                {
                    situationTitles[situationId] = situationTitle;
                    situations.Add(new LifeSituation(situationId, situationTitle));
                }
            }

            if (articleId.Length == 0)
            {
                errors.Add(new KbError(at, "article_id", "is required"));
                continue;
            }

            if (!byId.TryGetValue(articleId, out var draft))
            {
                draft = new ArticleDraft(articleId, line);
                byId[articleId] = draft;
                articles.Add(draft);
            }

            draft.Set(at, "life_situation_id", situationId, errors);
            draft.Set(at, "segments", Cell("segments"), errors);
            draft.Set(at, "title", Cell("title"), errors);
            draft.Set(at, "answer", Cell("answer"), errors);
            draft.Set(at, "sources", Cell("sources"), errors);
            draft.Set(at, "handoff_group", Cell("handoff_group"), errors);
            draft.Set(at, "status", Cell("status"), errors);
            var question = Cell("question");
            if (question.Length > 0)
            {
                draft.Questions.Add(question);
            }
        }

        foreach (var situationId in articles.Select(a => a.Get("life_situation_id")).Where(s => s.Length > 0).Distinct())
        {
            if (!situationTitles.ContainsKey(situationId))
            {
                errors.Add(new KbError("life_situation_title", "life_situation_title", $"no row gives a title for life situation '{situationId}'"));
            }
        }

        var built = articles.Select(a => a.Build(errors)).ToList();
        var kb = new KnowledgeBase { LifeSituations = situations, Articles = built, Synonyms = synonyms };
        if (errors.Count == 0)
        {
            return KbValidator.Validate(kb, i => $"line {articles[i].FirstLine}");
        }

        // Every problem at once: the content rules run on what could be read. A life situation without a title is reported
        // above; its articles do not also get «not one of the life situations».
        var untitled = articles.Select(a => a.Get("life_situation_id")).Where(s => s.Length > 0 && !situationTitles.ContainsKey(s)).Distinct()
            .Select(s => new LifeSituation(s, s));
        var content = KbValidator.Validate(kb with { LifeSituations = [.. situations, .. untitled] }, i => $"line {articles[i].FirstLine}");
        return new KbValidationResult(null, KbErrors.Merge(errors, content.Errors));
    }

    public static string Write(KnowledgeBase kb, char delimiter)
    {
        var sb = new StringBuilder();
        CsvTable.AppendRow(sb, Columns, delimiter);
        var titles = kb.LifeSituations.ToDictionary(s => s.Id, s => s.Title);
        foreach (var a in kb.Articles)
        {
            var first = true;
            foreach (var question in a.Questions)
            {
                CsvTable.AppendRow(sb, first
                    ? [a.LifeSituation, titles.GetValueOrDefault(a.LifeSituation), a.Id, string.Join(' ', a.Segments), a.Title, question, a.Answer,
                       string.Join('\n', a.Sources.Select(s => s.Date is { } d ? $"{s.Title} | {s.Url} | {d:yyyy-MM-dd}" : $"{s.Title} | {s.Url}")), a.HandoffGroup, a.Status == ArticleStatus.Draft ? "draft" : "published"]
                    : [a.LifeSituation, "", a.Id, "", "", question, "", "", "", ""], delimiter);
                first = false;
            }
        }

        foreach (var group in kb.Synonyms)
        {
            CsvTable.AppendRow(sb, ["", "", SynonymsRow, "", "", string.Join(" | ", group), "", "", "", ""], delimiter);
        }

        return sb.ToString();
    }

    private sealed class ArticleDraft(string id, int firstLine)
    {
        private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

        public int FirstLine { get; } = firstLine;

        public List<string> Questions { get; } = [];

        public string Get(string column) => _fields.GetValueOrDefault(column, string.Empty);

        public void Set(string at, string column, string value, List<KbError> errors)
        {
            if (value.Length == 0)
            {
                return;
            }

            if (_fields.TryGetValue(column, out var existing) && existing != value)
            {
                errors.Add(new KbError(at, column, $"differs from the value given on line {FirstLine} for article '{id}'"));
                return;
            }

            _fields[column] = value;
        }

        public Article Build(List<KbError> errors)
        {
            var sources = new List<ArticleSource>();
            foreach (var entry in Get("sources").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bar = entry.LastIndexOf('|');
                if (bar < 0)
                {
                    errors.Add(new KbError($"line {FirstLine}", "sources", $"'{entry}' must be written as «title | url»"));
                    continue;
                }

                // «title | url | yyyy-MM-dd»: a last part that is a date (after a URL) is the source's date.
                var last = entry[(bar + 1)..].Trim();
                var before = bar > 0 ? entry.LastIndexOf('|', bar - 1) : -1;
                if (before >= 0 && KbSourceDate.LooksLikeDate(last))
                {
                    sources.Add(new ArticleSource(entry[..before].Trim(), entry[(before + 1)..bar].Trim(),
                        KbSourceDate.Parse(last, $"line {FirstLine}", errors, "sources")));
                    continue;
                }

                sources.Add(new ArticleSource(entry[..bar].Trim(), last));
            }

            var status = Get("status");
            if (status.Length > 0 && status is not ("draft" or "published"))
            {
                errors.Add(new KbError($"line {FirstLine}", "status", $"'{status}' must be draft or published"));
            }

            var segments = Get("segments").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var handoff = Get("handoff_group");
            return new Article
            {
                Id = id,
                LifeSituation = Get("life_situation_id"),
                Segments = segments.Length > 0 ? segments : [Segment.Citizen],
                Title = Get("title"),
                Questions = Questions,
                Answer = Get("answer"),
                Sources = sources,
                HandoffGroup = handoff.Length > 0 ? handoff : null,
                Status = status == "draft" ? ArticleStatus.Draft : ArticleStatus.Published,
            };
        }
    }
}
