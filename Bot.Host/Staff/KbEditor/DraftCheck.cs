using Assistant.Knowledge.Import;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>What the bot would do with a question if the draft article were saved: the decision and the ranked articles.</summary>
public sealed record DraftAnswer(IReadOnlyList<KbError> Errors, AskResult? Result);

/// <summary>
/// «Проверить»: asks the draft KB, the KB as it would be with the form's article published (saved or not, draft or not). The copy
/// is built in memory (its own index and calibration, never the shared Qdrant collection or the live store) and kept while the
/// article stays the same, so further questions are fast.
/// </summary>
public sealed class DraftCheck(KnowledgeService live, IEmbeddingGenerator<string, Embedding<float>> embedder, IOptions<RetrievalOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (Article Draft, LifeSituation? NewSituation, KnowledgeService Service, string Directory)? _current;

    public async Task<DraftAnswer> AskAsync(Article draft, string question, CancellationToken cancellationToken, LifeSituation? newSituation = null)
    {
        // The bot answers only with published articles: the draft is asked as it would answer once published.
        draft = draft with { Status = ArticleStatus.Published };
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } current || !Same(current.Draft, draft) || current.NewSituation != newSituation)
            {
                var validation = KnowledgeService.WithArticle(await live.ExportAsync(cancellationToken), draft, newSituation);
                if (!validation.IsValid)
                {
                    return new DraftAnswer(validation.Errors, null);
                }

                var kb = validation.KnowledgeBase!;

                Drop();
                var directory = Path.Combine(Path.GetTempPath(), "assistant-draft-" + Guid.NewGuid().ToString("N"));
                var service = new KnowledgeService(new SqliteKnowledgeStore(Path.Combine(directory, "knowledge.db")), embedder,
                    dimensions => new InMemoryVectorIndex(dimensions), options);
                await service.InitializeAsync(() => kb, cancellationToken);
                _current = (draft, newSituation, service, directory);
            }

            return new DraftAnswer([], await _current!.Value.Service.AskAsync(new AskRequest(question), cancellationToken));
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        Drop();
        _building.Dispose();
    }

    private static bool Same(Article a, Article b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

    private void Drop()
    {
        if (_current is { } old)
        {
            _current = null;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(old.Directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the OS cleans the temp directory.
            }
        }
    }
}
