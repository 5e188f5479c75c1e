using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.PersonalManagers;

/// <summary>
/// The concept's personal manager: a designated person (by segment, by an operator's flag, or by repeated handovers) is reserved
/// for the operator who took them last, when that operator is present and has room; else the group takes them as usual. The
/// reservation is part of the same handover: it adds no transfer.
/// </summary>
internal sealed class PersonalManagerRouting(DialogServices services, IOperatorAvailability? availability)
{
    private PersonalManagerOptions Options => services.Options.PersonalManagers;

    /// <summary>At a handover: counts it, carries the person's flags over, and reserves the conversation when the rules say so.</summary>
    public async Task RouteAsync(ConversationSession session, CancellationToken cancellationToken)
    {
        var conversation = session.Conversation;
        var now = services.Now;
        var record = await services.Stores.Clients.GetAsync(conversation.Key, cancellationToken) ?? new ClientRecord { Key = conversation.Key };
        record = record with
        {
            Handovers = [.. record.Handovers.Where(at => at > now.AddDays(-Options.RepeatDays)), now],
            Flags = [.. record.Flags.Union(conversation.Flags)],
        };
        await services.Stores.Clients.SaveAsync(record, cancellationToken);

        var manager = Designated(conversation, record) && record.LastOperatorId is { } last && availability is not null
            && await availability.IsAvailableAsync(last, cancellationToken)
                ? last
                : null;
        session.Conversation = session.Conversation with { Flags = record.Flags, PersonalManagerId = manager };
    }

    /// <summary>Whether the reservation still keeps <paramref name="operatorId"/> from a conversation waiting for someone else.</summary>
    public bool ReservedForAnother(Conversation conversation, string operatorId) =>
        conversation.PersonalManagerId is { } manager && manager != operatorId && (conversation.QueuedAt ?? conversation.UpdatedAt) + Options.Hold > services.Now;

    /// <summary>Remembers who took the person now, for next time.</summary>
    public async Task AcceptedAsync(Conversation conversation, string operatorId, CancellationToken cancellationToken)
    {
        var record = await services.Stores.Clients.GetAsync(conversation.Key, cancellationToken) ?? new ClientRecord { Key = conversation.Key };
        await services.Stores.Clients.SaveAsync(record with { LastOperatorId = operatorId }, cancellationToken);
    }

    /// <summary>An operator set or cleared a flag: it stays with the person for their next handovers.</summary>
    public async Task FlagsChangedAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var record = await services.Stores.Clients.GetAsync(conversation.Key, cancellationToken) ?? new ClientRecord { Key = conversation.Key };
        await services.Stores.Clients.SaveAsync(record with { Flags = conversation.Flags }, cancellationToken);
    }

    private bool Designated(Conversation conversation, ClientRecord record) =>
        (conversation.Segment is { } segment && Options.Segments.Contains(segment, StringComparer.OrdinalIgnoreCase))
        || record.Flags.Any(flag => Options.Flags.Contains(flag, StringComparer.OrdinalIgnoreCase))
        || (Options.RepeatHandovers > 0 && record.Handovers.Count >= Options.RepeatHandovers);
}
