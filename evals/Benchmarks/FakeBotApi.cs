using System.Collections.Concurrent;
using System.Net;
using Assistant.Tests.Servers;
using System.Text;
using System.Text.Json.Nodes;

namespace Assistant.Benchmarks;

/// <summary>
/// Just enough of the Telegram Bot API on a loopback port for the load test: getMe, sendMessage (counted per chat), and "ok" to
/// anything else (setMyCommands, answerCallbackQuery…).
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _messageId;

    public FakeBotApi() => _server = new LoopbackHttpServer(AnswerAsync);

    public string Address => _server.Address;

    /// <summary>sendMessage calls per chat id.</summary>
    public ConcurrentDictionary<long, int> Sent { get; } = new();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var method = context.Request.Url!.AbsolutePath.Split('/').Last();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        JsonNode? result = true;
        if (method.Equals("getMe", StringComparison.OrdinalIgnoreCase))
        {
            result = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "Помощник", ["username"] = "assistant_test_bot" };
        }
        else if (method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase))
        {
            var chat = JsonNode.Parse(body)?["chat_id"]?.GetValue<long>() ?? 0;
            Sent.AddOrUpdate(chat, 1, (_, n) => n + 1);
            result = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _messageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
                ["text"] = "ok",
            };
        }

        var bytes = Encoding.UTF8.GetBytes(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
