using System.Text.Json;
using Assistant.Knowledge.Model;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// The articles' version history in the staff database: every change made in the console, from the editor and from the inbox's
/// «Прикрепить» alike, so each can be compared and rolled back. The state before an article's first change is kept as «импорт».
/// </summary>
public sealed class ArticleHistory(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(Article? before, Article saved, string author, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (before is not null && !await db.Set<ArticleVersion>().AnyAsync(v => v.ArticleId == saved.Id, cancellationToken))
        {
            db.Add(Version(before, "импорт"));
        }

        db.Add(Version(saved, author));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleVersion>> ListAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == articleId).OrderByDescending(v => v.Id).ToListAsync(cancellationToken);
    }

    public async Task<ArticleVersion?> FindAsync(long versionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
    }

    public static Article Read(ArticleVersion version) => JsonSerializer.Deserialize<Article>(version.Json, Json)!;

    private ArticleVersion Version(Article article, string author) => new()
    {
        ArticleId = article.Id,
        Version = article.Version,
        SavedAt = time.GetUtcNow(),
        Author = author,
        Json = JsonSerializer.Serialize(article, Json),
    };
}
