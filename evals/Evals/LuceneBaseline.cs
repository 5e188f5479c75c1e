using System.Diagnostics;
using Assistant.Knowledge.Model;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Assistant.Evals;

/// <summary>
/// The baseline: plain Lucene.Net BM25 with its stock RussianAnalyzer, one document per article (title, questions and answer).
/// It has no notion of confidence, so it answers with its top hit and falls back only when nothing matches.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RussianAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneBaseline(KnowledgeBase kb)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var article in kb.Articles.Where(a => a.Status == ArticleStatus.Published))
            {
                var text = string.Join('\n', article.Questions.Prepend(article.Title).Append(article.Answer));
                writer.AddDocument(new Document
                {
                    new StringField("id", article.Id, Field.Store.YES),
                    new TextField("text", text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public EvalOutcome Ask(EvalQuestion question, int top = 10)
    {
        var clock = Stopwatch.StartNew();
        var ranked = new List<string>();
        var text = QueryParserBase.Escape(question.Q ?? string.Empty).Trim();
        if (text.Length > 0)
        {
            try
            {
                var parser = new QueryParser(Version, "text", _analyzer) { DefaultOperator = Operator.OR };
                var query = parser.Parse(text);
                foreach (var hit in _searcher.Search(query, top).ScoreDocs)
                {
                    ranked.Add(_searcher.Doc(hit.Doc).Get("id"));
                }
            }
            catch (ParseException)
            {
                // A message made only of stop words or symbols parses to nothing: no hit.
            }
            catch (BooleanQuery.TooManyClausesException)
            {
            }
        }

        var rank = question.Expected is null ? 0 : ranked.IndexOf(question.Expected) + 1;
        var decision = ranked.Count > 0 ? "answer" : "fallback";
        return new EvalOutcome(question, decision, ranked.FirstOrDefault(), rank, ranked, clock.Elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
