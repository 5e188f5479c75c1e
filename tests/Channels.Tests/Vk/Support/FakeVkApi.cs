using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>
/// A local VK API on Kestrel at 127.0.0.1, speaking the documented wire protocol: POST /method/{name} form-encoded with
/// access_token and v, answering {"response": …} or {"error": {"error_code", "error_msg"}}; and a Bots Long Poll server at
/// /lp (act=a_check, key, ts, wait) answering {ts, updates} or {failed: 1|2|3}. messages.send is idempotent by random_id,
/// as VK's is. Tests script errors and long-poll failures and wait for what arrives.
/// </summary>
public sealed partial class FakeVkApi : IAsyncDisposable
{
    public const string Token = "test-vk-community-token-2f6b";
    public const string ApiVersion = "5.199";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<ApiCall> _calls = [];
    private readonly List<SentMessage> _messages = [];
    private readonly List<EventAnswer> _answers = [];
    private readonly Dictionary<string, Queue<int>> _failures = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public static async Task<FakeVkApi> StartAsync()
    {
        var fake = new FakeVkApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/method/{name}", fake.MethodAsync);
        app.MapGet("/lp", fake.PollAsync);
        await app.StartAsync();
        fake._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public IReadOnlyList<ApiCall> Calls => Snapshot(_calls);

    /// <summary>Messages VK posted (each random_id once).</summary>
    public IReadOnlyList<SentMessage> Messages => Snapshot(_messages);

    public IReadOnlyList<EventAnswer> EventAnswers => Snapshot(_answers);

    public IReadOnlyList<SentMessage> MessagesTo(long peerId) => [.. Messages.Where(m => m.PeerId == peerId)];

    /// <summary>The next calls of <paramref name="method"/> fail with these VK error codes in turn (500–599: that HTTP status).</summary>
    public void FailNext(string method, params int[] codes)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<int>();
            }

            foreach (var code in codes)
            {
                queue.Enqueue(code);
            }
        }
    }

    public Task<SentMessage> WaitForMessageAsync(long peerId, Func<SentMessage, bool> match, string what) =>
        WaitAsync(() => MessagesTo(peerId).FirstOrDefault(match), what);

    public Task<EventAnswer> WaitForEventAnswerAsync(string eventId) =>
        WaitAsync(() => EventAnswers.FirstOrDefault(a => a.EventId == eventId), $"the answer to press {eventId}");

    /// <summary>Waits until <paramref name="find"/> returns something; fails with what arrived after a generous limit.</summary>
    public async Task<T> WaitAsync<T>(Func<T?> find, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (find() is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var sent = string.Join("\n", Messages.Select(m => $"  {m.PeerId}: {Cut(m.Text)}"));
                var calls = string.Join(", ", Calls.Select(c => c.Method));
                throw new TimeoutException($"Waited in vain for {what}.\nMessages:\n{sent}\nCalls: {calls}");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> MethodAsync(string name, HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        lock (_lock)
        {
            _calls.Add(new ApiCall(name, form));
            Changed();
            if (form.GetValueOrDefault("access_token") != Token)
            {
                return Error(5, "User authorization failed: invalid access_token (4).");
            }

            if (form.GetValueOrDefault("v") != ApiVersion)
            {
                return Error(8, "Invalid request: v is required");
            }

            if (_failures.TryGetValue(name, out var failures) && failures.TryDequeue(out var failure))
            {
                return failure is >= 500 and < 600 ? Results.StatusCode(failure) : Error(failure, FailureText(failure));
            }

            return name switch
            {
                "messages.send" => Send(form),
                "messages.sendMessageEventAnswer" => Answer(form),
                "groups.getLongPollServer" => Session(),
                _ => Error(3, "Unknown method passed"),
            };
        }
    }

    private IResult Send(Dictionary<string, string> form)
    {
        var peer = long.Parse(form["peer_id"], CultureInfo.InvariantCulture);
        var randomId = long.Parse(form["random_id"], CultureInfo.InvariantCulture);
        var text = form.GetValueOrDefault("message") ?? "";
        if (text.Length > 9000)
        {
            return Error(914, "Message is too long");
        }

        JsonObject? keyboard = null;
        if (form.TryGetValue("keyboard", out var json))
        {
            try
            {
                keyboard = JsonNode.Parse(json)!.AsObject();
            }
            catch (JsonException)
            {
                return Error(911, "Keyboard format is invalid");
            }
        }

        // VK posts a message with a given random_id once; a repeated call answers with the same message id.
        if (_messages.FirstOrDefault(m => m.PeerId == peer && m.RandomId == randomId) is { } earlier)
        {
            return Response(earlier.MessageId);
        }

        var message = new SentMessage(peer, randomId, text, keyboard, _messages.Count + 1);
        _messages.Add(message);
        return Response(message.MessageId);
    }

    private IResult Answer(Dictionary<string, string> form)
    {
        var data = form.TryGetValue("event_data", out var json) ? JsonNode.Parse(json)!.AsObject() : null;
        _answers.Add(new EventAnswer(form["event_id"], long.Parse(form["user_id"], CultureInfo.InvariantCulture),
            long.Parse(form["peer_id"], CultureInfo.InvariantCulture), data));
        return Response(1);
    }

    private void Changed()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }

    private static IResult Response(JsonNode value) => Results.Json(new JsonObject { ["response"] = value });

    private static IResult Error(int code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["request_params"] = new JsonArray() } });

    private static string FailureText(int code) => code switch
    {
        6 => "Too many requests per second",
        9 => "Flood control",
        10 => "Internal server error",
        901 => "Can't send messages for users without permission",
        _ => "Scripted failure",
    };

    private static string Cut(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..80].ReplaceLineEndings(" ") + "…";
}
