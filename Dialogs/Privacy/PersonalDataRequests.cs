using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Privacy;

/// <summary>Everything kept about one person, as a data subject's access request returns it.</summary>
public sealed record PersonalDataExport(
    ConversationKey Person,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<WrittenRequest> WrittenRequests,
    IReadOnlyList<ConversationRating> Ratings,
    IReadOnlyList<UnansweredMessage> Unanswered,
    PersonalManagers.ClientRecord? ClientRecord);

/// <summary>One conversation of the person: its current state (when still kept) and its transcript.</summary>
public sealed record ExportedConversation(string Id, Lifecycle.Conversation? State, IReadOnlyList<TranscriptEntry> Transcript);

/// <summary>What an erasure removed.</summary>
public sealed record ErasureReport(int Conversations, long Records);

/// <summary>
/// A person's requests under 152-FZ, by their channel and user id: everything kept about them, or its erasure. Written
/// requests, ratings and inbox items are found through the person's conversations.
/// </summary>
public sealed class PersonalDataRequests(DialogStores stores)
{
    public async Task<PersonalDataExport> ExportAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        var ids = await ConversationIdsAsync(person, cancellationToken);
        var conversations = new List<ExportedConversation>();
        var ratings = new List<ConversationRating>();
        foreach (var id in ids)
        {
            conversations.Add(new ExportedConversation(id, await stores.Conversations.GetAsync(id, cancellationToken),
                await stores.Transcripts.ReadAsync(id, 0, cancellationToken)));
            if (await stores.Ratings.GetAsync(id, cancellationToken) is { } rating)
            {
                ratings.Add(rating);
            }
        }

        var requests = (await stores.Requests.ListAsync(cancellationToken)).Select(r => r.Request).Where(r => ids.Contains(r.ConversationId)).ToList();
        var unanswered = new List<UnansweredMessage>();
        foreach (var status in Enum.GetValues<UnansweredStatus>())
        {
            unanswered.AddRange((await stores.Unanswered.ListAsync(status, int.MaxValue, cancellationToken)).Where(u => ids.Contains(u.ConversationId)));
        }

        return new PersonalDataExport(person, conversations, requests, ratings, unanswered, await stores.Clients.GetAsync(person, cancellationToken));
    }

    public async Task<ErasureReport> EraseAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        var ids = await ConversationIdsAsync(person, cancellationToken);
        var records = await (stores.Purge ?? throw new InvalidOperationException("These stores cannot erase.")).EraseAsync(ids, person, cancellationToken);
        records += await stores.Conversations.ForgetAsync(person, cancellationToken);
        return new ErasureReport(ids.Count, records);
    }

    private async Task<HashSet<string>> ConversationIdsAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (stores.People is { } people)
        {
            ids.UnionWith(await people.ConversationsOfAsync(person, cancellationToken));
        }

        if (await stores.Conversations.GetAsync(person, cancellationToken) is { } current)
        {
            ids.Add(current.Id);
        }

        return ids;
    }
}
