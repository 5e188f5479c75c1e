using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>
/// The fake's Bots Long Poll side: groups.getLongPollServer issues a session (server, key, ts) and GET /lp answers
/// {ts, updates} or {failed: 1|2|3}. A ts is a base plus a position in the event stream; failed 1 and 3 move the base,
/// so a client that keeps an old ts instead of the one it is given loses its place.
/// </summary>
public sealed partial class FakeVkApi
{
    /// <summary>Long-poll requests are held at most this long here (VK holds them up to "wait"), so tests never sit idle.</summary>
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private readonly List<JsonObject> _events = [];
    private readonly Queue<int> _pollFailures = new();
    private readonly List<PollRecord> _polls = [];
    private string? _key;
    private int _sessions;
    private long _tsBase = 1000;

    public IReadOnlyList<PollRecord> Polls => Snapshot(_polls);

    public int SessionsIssued
    {
        get
        {
            lock (_lock)
            {
                return _sessions;
            }
        }
    }

    /// <summary>Adds an event to the long-poll stream.</summary>
    public void Push(JsonObject update) => PushAfterFailure(null, update);

    /// <summary>
    /// The next long-poll answer is {failed: <paramref name="failed"/>} (a held request gets it at once), then
    /// <paramref name="updates"/> join the stream. 1 renumbers ts (the client must take the returned one), 2 expires the key,
    /// 3 expires the key and renumbers ts.
    /// </summary>
    public void PushAfterFailure(int? failed, params JsonObject[] updates)
    {
        lock (_lock)
        {
            if (failed is { } code)
            {
                _pollFailures.Enqueue(code);
            }

            _events.AddRange(updates);
            Changed();
        }
    }

    private IResult Session()
    {
        _sessions++;
        _key = $"key-{_sessions}";
        return Response(new JsonObject
        {
            ["server"] = BaseUrl + "lp",
            ["key"] = _key,
            ["ts"] = Ts(_events.Count),
        });
    }

    private async Task<IResult> PollAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var key = query["key"].ToString();
        var ts = query["ts"].ToString();
        var wait = query["wait"].ToString();
        var held = Task.Delay(MaxHold, cancellationToken);
        while (true)
        {
            Task changed;
            JsonObject? answer;
            lock (_lock)
            {
                changed = _changed.Task;
                answer = query["act"] != "a_check" ? new JsonObject { ["failed"] = 4 } : Poll(key, ts);
                if (answer is not null || held.IsCompleted)
                {
                    answer ??= new JsonObject { ["ts"] = ts, ["updates"] = new JsonArray() };
                    _polls.Add(new PollRecord(key, ts, wait, answer.ToJsonString()));
                    Changed();
                    return Results.Json(answer);
                }
            }

            await Task.WhenAny(changed, held);
        }
    }

    /// <summary>The answer to a poll, or null to hold it until something changes.</summary>
    private JsonObject? Poll(string key, string ts)
    {
        if (key != _key)
        {
            return new JsonObject { ["failed"] = 2 };
        }

        var position = long.TryParse(ts, CultureInfo.InvariantCulture, out var number) ? number - _tsBase : -1;
        if (_pollFailures.TryDequeue(out var failed))
        {
            switch (failed)
            {
                case 1:
                    // Renumbered: only the returned ts is valid now.
                    _tsBase += 1000;
                    return new JsonObject { ["failed"] = 1, ["ts"] = Ts(position) };
                case 2:
                    _key = null;
                    return new JsonObject { ["failed"] = 2 };
                default:
                    _key = null;
                    _tsBase += 1000;
                    return new JsonObject { ["failed"] = 3 };
            }
        }

        if (position < 0 || position > _events.Count)
        {
            return new JsonObject { ["failed"] = 1, ["ts"] = Ts(_events.Count) };
        }

        if (position == _events.Count)
        {
            return null;
        }

        return new JsonObject
        {
            ["ts"] = Ts(_events.Count),
            ["updates"] = new JsonArray([.. _events.Skip((int)position).Select(e => (JsonNode)e.DeepClone())]),
        };
    }

    private string Ts(long position) => (_tsBase + position).ToString(CultureInfo.InvariantCulture);
}
