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
/// «Проверить»: asks a copy of the KB with the unsaved article in it. The copy is built in memory (its own index and calibration,
/// never the shared Qdrant collection or the live store) and kept while the article stays the same, so further questions are fast.
/// </summary>
public sealed class DraftCheck(KnowledgeService live, IEmbeddingGenerator<string, Embedding<float>> embedder, IOptions<RetrievalOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (Article Draft, KnowledgeService Service, string Directory)? _current;

    public async Task<DraftAnswer> AskAsync(Article draft, string question, CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } current || !Same(current.Draft, draft))
            {
                var kb = await live.ExportAsync(cancellationToken);
                kb = kb with
                {
                    Articles = kb.Articles.Any(a => a.Id == draft.Id) ? [.. kb.Articles.Select(a => a.Id == draft.Id ? draft : a)] : [.. kb.Articles, draft],
                    LifeSituations = kb.LifeSituations.Any(s => s.Id == draft.LifeSituation) ? kb.LifeSituations : [.. kb.LifeSituations, new LifeSituation(draft.LifeSituation, draft.LifeSituation)],
                };
                var validation = KbValidator.Validate(kb);
                if (!validation.IsValid)
                {
                    return new DraftAnswer(validation.Errors, null);
                }

                Drop();
                var directory = Path.Combine(Path.GetTempPath(), "assistant-draft-" + Guid.NewGuid().ToString("N"));
                var service = new KnowledgeService(new SqliteKnowledgeStore(Path.Combine(directory, "knowledge.db")), embedder,
                    dimensions => new InMemoryVectorIndex(dimensions), options);
                await service.InitializeAsync(() => kb, cancellationToken);
                _current = (draft, service, directory);
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
