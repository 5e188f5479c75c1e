using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>
/// A local Telegram Bot API on 127.0.0.1 speaking the documented wire protocol: POST /bot{token}/{method} with a JSON body,
/// answered {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}.
/// getUpdates long-polls with offsets as the real server does; failures can be scripted per method and chat.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123456789:TEST-token_of-the-fake-bot-api";
    public const long BotId = 123456789;
    public const string BotUsername = "minzdrav_test_bot";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<BotApiCall> _calls = [];
    private readonly List<(JsonObject Update, bool Redelivered)> _pending = [];
    private readonly List<ScriptedFailure> _failures = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _nextMessageId = 500;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<BotApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var server = new FakeTelegramServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/'));
        return server;
    }

    /// <summary>Updates for getUpdates, returned from the next call whose offset does not exclude them.</summary>
    public void PushUpdates(params JsonObject[] updates)
    {
        lock (_gate)
        {
            _pending.AddRange(updates.Select(u => (u, false)));
            Signal();
        }
    }

    /// <summary>
    /// An update sent again whatever the offset says, as a server may after a failure on its side; it goes out with the next
    /// batch (it wakes no waiting getUpdates by itself, so it travels together with what is pushed next).
    /// </summary>
    public void Redeliver(JsonObject update)
    {
        lock (_gate)
        {
            _pending.Add((update, true));
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> for <paramref name="chatId"/> fail as given.</summary>
    public void Fail(string method, long chatId, int errorCode, string description, int? retryAfter = null, int times = 1)
    {
        lock (_gate)
        {
            _failures.Add(new ScriptedFailure(method, chatId, errorCode, description, retryAfter) { Remaining = times });
        }
    }

    public void StopFailing(long chatId)
    {
        lock (_gate)
        {
            _failures.RemoveAll(f => f.ChatId == chatId);
        }
    }

    public async Task<BotApiCall> WaitForAsync(Func<BotApiCall, bool> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_calls.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited in vain for {what}. Calls so far:\n{string.Join("\n", Calls)}");
            }
        }
    }

    /// <summary>The messages successfully sent to <paramref name="chatId"/>, in order.</summary>
    public IReadOnlyList<BotApiCall> SentTo(long chatId) =>
        [.. Calls.Where(c => c.Method == "sendMessage" && c.ChatId == chatId && c.Succeeded)];

    public Task<BotApiCall> WaitForMessageAsync(long chatId, Func<BotApiCall, bool> match, string what, TimeSpan? timeout = null) =>
        WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == chatId && c.Succeeded && match(c), what, timeout);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Trim('/').Split('/');
        if (context.Request.Method != "POST" && context.Request.Method != "GET" || segments.Length != 2 || !segments[0].StartsWith("bot", StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, Error(404, "Not Found"));
            return;
        }

        if (segments[0][3..] != Token)
        {
            await WriteAsync(context, 401, Error(401, "Unauthorized"));
            return;
        }

        var body = context.Request.ContentLength is 0 ? new JsonObject()
            : (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? new JsonObject();
        var method = segments[1];
        if (method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase))
        {
            await GetUpdatesAsync(context, body);
            return;
        }

        var (status, response) = Answer(method, body);
        await WriteAsync(context, status, response);
    }

    private (int Status, JsonObject Response) Answer(string method, JsonObject body)
    {
        lock (_gate)
        {
            var chatId = new BotApiCall(0, method, body, 200, null).ChatId;
            if (_failures.FirstOrDefault(f => f.Remaining > 0 && f.ChatId == chatId && f.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) is { } failure)
            {
                failure.Remaining--;
                Record(method, body, failure.ErrorCode, null);
                var error = Error(failure.ErrorCode, failure.Description);
                if (failure.RetryAfter is { } seconds)
                {
                    error["parameters"] = new JsonObject { ["retry_after"] = seconds };
                }

                return (failure.ErrorCode, error);
            }

            JsonNode result;
            int? messageId = null;
            switch (method)
            {
                case "getMe":
                    result = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Помощник Минздрава", ["username"] = BotUsername };
                    break;
                case "sendMessage":
                    messageId = ++_nextMessageId;
                    result = Message(messageId.Value, chatId ?? 0, body);
                    break;
                case "editMessageReplyMarkup":
                    result = Message(body["message_id"]!.GetValue<int>(), chatId ?? 0, new JsonObject { ["text"] = "…" });
                    break;
                case "answerCallbackQuery" or "setMyCommands" or "setWebhook" or "deleteWebhook":
                    result = true;
                    break;
                default:
                    Record(method, body, 404, null);
                    return (404, Error(404, "Not Found: method not found"));
            }

            Record(method, body, 200, messageId);
            return (200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, JsonObject body)
    {
        var offset = body["offset"]?.GetValue<int>();
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        lock (_gate)
        {
            Record("getUpdates", body, 200, null);
        }

        while (true)
        {
            JsonObject? response = null;
            Task changed;
            lock (_gate)
            {
                // As the real server: an offset confirms (and forgets) every update before it.
                _pending.RemoveAll(p => !p.Redelivered && offset is { } o && p.Update["update_id"]!.GetValue<int>() < o);
                var batch = _pending.Take(limit).ToList();
                if (batch.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                {
                    _pending.RemoveAll(p => p.Redelivered && batch.Contains(p));
                    response = new JsonObject { ["ok"] = true, ["result"] = new JsonArray([.. batch.Select(p => p.Update.DeepClone())]) };
                }

                changed = _changed.Task;
            }

            if (response is not null)
            {
                await WriteAsync(context, 200, response);
                return;
            }

            try
            {
                await changed.WaitAsync(deadline - DateTimeOffset.UtcNow, context.RequestAborted);
            }
            catch (TimeoutException)
            {
                // Deadline reached: the loop answers with what there is (nothing).
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private void Record(string method, JsonObject body, int status, int? messageId)
    {
        _calls.Add(new BotApiCall(_calls.Count + 1, method, (JsonObject)body.DeepClone(), status, messageId));
        Signal();
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static JsonObject Message(int messageId, long chatId, JsonObject body)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Помощник Минздрава", ["username"] = BotUsername },
            ["text"] = body["text"]?.DeepClone(),
        };
        if (body["reply_markup"] is JsonNode markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return message;
    }

    private static JsonObject Error(int code, string description) => new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private sealed record ScriptedFailure(string Method, long ChatId, int ErrorCode, string Description, int? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
