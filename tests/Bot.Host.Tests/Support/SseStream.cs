using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>One block of a server-sent event stream: an event (event/id/data) or a comment line such as ": connected".</summary>
public sealed record SseEvent(string? Event, string? Id, string Data, string? Comment)
{
    public bool IsComment => Comment is not null && Event is null && Data.Length == 0;

    public bool IsMessage => Event == "message";

    /// <summary>The data as JSON (a "message" event carries the widget's message object).</summary>
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();

    public long Sequence => Json.GetProperty("sequence").GetInt64();

    public string? From => Json.GetProperty("from").GetString();

    public string? Kind => Json.GetProperty("kind").GetString();

    public string? Text => Json.GetProperty("text").GetString();

    public string? ClientMessageId => Json.TryGetProperty("clientMessageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    public override string ToString() => IsComment ? $": {Comment}" : $"event: {Event} id: {Id} data: {Data}";
}

/// <summary>
/// GET /api/webchat/stream read line by line: parses event/id/data blocks, with a deadline on every wait so a missing event fails
/// the test with what did arrive instead of hanging it.
/// </summary>
public sealed class SseStream : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<SseEvent> _pending = [];
    private readonly List<SseEvent> _received = [];

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Every block read so far, in order (for assertion messages).</summary>
    public IReadOnlyList<SseEvent> Received => _received;

    public static async Task<SseStream> OpenAsync(HttpClient client, string userId, long? after = null, long? lastEventId = null)
    {
        var url = "api/webchat/stream?userId=" + Uri.EscapeDataString(userId)
            + (after is { } a ? "&after=" + a.ToString(CultureInfo.InvariantCulture) : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        using var cts = new CancellationTokenSource(DefaultTimeout);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new InvalidOperationException($"The stream answered {(int)status}.");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        return new SseStream(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The replayed messages: everything before the ": connected" comment the server writes after the replay.</summary>
    public async Task<IReadOnlyList<SseEvent>> ReadReplayAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var replay = new List<SseEvent>();
        while (true)
        {
            var next = await ReadBlockAsync(cts.Token, "the \": connected\" comment");
            if (next.IsComment && next.Comment == "connected")
            {
                return replay;
            }

            if (!next.IsComment)
            {
                replay.Add(next);
            }
        }
    }

    /// <summary>
    /// The first "message" event matching <paramref name="match"/>, looking first at events read earlier and not taken yet
    /// (the stream's order is not always the order a test asks in: the echo of a message follows the replies to it).
    /// </summary>
    public async Task<SseEvent> WaitForMessageAsync(Func<SseEvent, bool> match, string what, TimeSpan? timeout = null)
    {
        var earlier = _pending.FirstOrDefault(match);
        if (earlier is not null)
        {
            _pending.Remove(earlier);
            return earlier;
        }

        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var next = await ReadBlockAsync(cts.Token, what);
            if (!next.IsMessage)
            {
                continue;
            }

            if (match(next))
            {
                return next;
            }

            _pending.Add(next);
        }
    }

    public Task<SseEvent> WaitForKindAsync(string kind, TimeSpan? timeout = null) =>
        WaitForMessageAsync(e => e.Kind == kind, $"a message of kind \"{kind}\"", timeout);

    public Task<SseEvent> WaitForEchoAsync(string clientMessageId, TimeSpan? timeout = null) =>
        WaitForMessageAsync(e => e.From == "user" && e.ClientMessageId == clientMessageId, $"the echo of {clientMessageId}", timeout);

    /// <summary>Messages read but not taken by a wait yet.</summary>
    public IReadOnlyList<SseEvent> Pending => _pending;

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SseEvent> ReadBlockAsync(CancellationToken cancellationToken, string what)
    {
        string? name = null;
        string? id = null;
        string? comment = null;
        var data = new StringBuilder();
        var any = false;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited in vain for {what}. Received so far:\n{string.Join("\n", _received)}");
            }

            if (line is null)
            {
                throw new EndOfStreamException($"The stream ended while waiting for {what}. Received so far:\n{string.Join("\n", _received)}");
            }

            if (line.Length == 0)
            {
                if (!any)
                {
                    continue;
                }

                var block = new SseEvent(name ?? (data.Length > 0 ? "message" : null), id, data.ToString(), comment);
                _received.Add(block);
                return block;
            }

            any = true;
            if (line[0] == ':')
            {
                comment = line[1..].Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    name = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    break;
            }
        }
    }
}
