using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Host.WebChat;

/// <summary>The widget's two endpoints: activities in (POST), messages out (server-sent events with replay).</summary>
public static class WebChatApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webchat").WithTags("Web chat");
        group.MapPost("/activities", PostActivityAsync)
             .WithSummary("A visitor's message, button press, rating or typing notice; processed once per clientMessageId.");
        group.MapGet("/stream", StreamAsync)
             .WithSummary("Server-sent events: the visitor's transcript after Last-Event-ID / ?after=, then live messages and typing notices.")
             .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> PostActivityAsync(
        WebChatActivityBody body, ConversationEngine engine, DialogStores stores, WebChatHub hub, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!WebChatUserId.IsValid(body.UserId))
        {
            return Problem("userId", "Не удалось определить собеседника: обновите страницу.");
        }

        if (string.IsNullOrWhiteSpace(body.ClientMessageId) || body.ClientMessageId.Length > 100)
        {
            return Problem("clientMessageId", "Сообщение не отправлено: обновите страницу и попробуйте ещё раз.");
        }

        if (body.Segment is not null && !Segment.IsKnown(body.Segment))
        {
            return Problem("segment", "Неизвестный раздел портала.");
        }

        ActivityType? type = body.Type switch
        {
            "message" => ActivityType.Message,
            "button" => ActivityType.Button,
            "rating" => ActivityType.Rating,
            "typing" => ActivityType.Typing,
            _ => null,
        };
        if (type is null)
        {
            return Problem("type", "Неизвестный тип сообщения.");
        }

        if (type == ActivityType.Rating && body.Rating is not (>= 1 and <= 5))
        {
            return Problem("rating", "Оценка — число от 1 до 5.");
        }

        if (type is ActivityType.Message or ActivityType.Button)
        {
            // The typing indicator shows while the turn runs (the widget hides it when the reply arrives).
            hub.Publish(body.UserId!, new WebChatEvent("typing", 0, null, Authors.Bot));
        }

        var result = await engine.ProcessAsync(new Activity
        {
            Channel = WebChatSender.ChannelName,
            UserId = body.UserId!,
            Type = type.Value,
            // De-duplication is per visitor: two visitors' widgets may well produce the same id.
            MessageId = body.UserId + ":" + body.ClientMessageId,
            Text = body.Text,
            Payload = body.Payload,
            Rating = body.Rating,
            Segment = body.Segment,
            Timestamp = time.GetUtcNow(),
        }, cancellationToken);
        if (result.Outcome == TurnOutcome.Processed && result.ConversationId is { } conversationId && type is ActivityType.Message or ActivityType.Button)
        {
            await EchoAsync(body, conversationId, result, stores, hub, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Sends the visitor's own (masked) message back with its clientMessageId, so every open tab shows it in its place
    /// and the sending tab knows it was received.
    /// </summary>
    private static async Task EchoAsync(WebChatActivityBody body, string conversationId, TurnResult result, DialogStores stores, WebChatHub hub, CancellationToken cancellationToken)
    {
        if (result.RecordedSequence is not { } position)
        {
            return;
        }

        var entries = await stores.Transcripts.ReadAsync(conversationId, position - 1, cancellationToken);
        if (entries.FirstOrDefault(e => e.Sequence == position && e.From == Authors.Citizen) is not { } own)
        {
            return;
        }

        var sequence = WebSequence.Of(result.ConversationOrdinal, own.Sequence);
        hub.Publish(body.UserId!, new WebChatEvent("message", sequence, WebChatMapping.ToWeb(own, sequence) with { ClientMessageId = body.ClientMessageId }));
    }

    public static async Task StreamAsync(
        HttpContext context, string? userId, long? after, ConversationEngine engine, DialogStores stores, WebChatHub hub, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
        if (!WebChatUserId.IsValid(userId))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var lastSent = Math.Max(after ?? 0, long.TryParse(context.Request.Headers["Last-Event-ID"], out var lastEventId) ? lastEventId : 0);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before replaying, so nothing said in between is missed; the set of sent positions drops what arrives twice
        // (a high-water mark would not do: the echo of the visitor's message arrives after the replies that follow it).
        using var subscription = hub.Subscribe(userId!);
        var sent = new HashSet<long>();
        var key = new ConversationKey(WebChatSender.ChannelName, userId!);
        var conversation = await stores.Conversations.GetAsync(key, cancellationToken);
        if (conversation is null)
        {
            // First visit: the engine greets (with the personal-data notice) through the sender, i.e. into this stream.
            await engine.ProcessAsync(new Activity
            {
                Channel = WebChatSender.ChannelName,
                UserId = userId!,
                Type = ActivityType.ConversationUpdate,
                Timestamp = time.GetUtcNow(),
            }, cancellationToken);
        }
        else
        {
            var position = WebSequence.TranscriptPositionAfter(lastSent, conversation.Ordinal);
            if (position != long.MaxValue)
            {
                foreach (var entry in await stores.Transcripts.ReadAsync(conversation.Id, position, cancellationToken))
                {
                    var sequence = WebSequence.Of(conversation.Ordinal, entry.Sequence);
                    await WriteAsync(context, new WebChatEvent("message", sequence, WebChatMapping.ToWeb(entry, sequence)), cancellationToken);
                    sent.Add(sequence);
                }
            }
        }

        await context.Response.WriteAsync(": connected\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var next = await subscription.Reader.ReadAsync(heartbeat.Token);
                    if (next.Event == "message" && (next.Sequence <= lastSent || !sent.Add(next.Sequence)))
                    {
                        continue;
                    }

                    await WriteAsync(context, next, cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The visitor closed the page or the connection dropped; the widget reconnects with Last-Event-ID.
        }
    }

    private static async Task WriteAsync(HttpContext context, WebChatEvent e, CancellationToken cancellationToken)
    {
        var data = e.Event == "typing" ? JsonSerializer.Serialize(new { from = e.TypingFrom }, Json) : JsonSerializer.Serialize(e.Message, Json);
        var id = e.Event == "message" ? $"id: {e.Sequence}\n" : string.Empty;
        await context.Response.WriteAsync($"event: {e.Event}\n{id}data: {data}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static ProblemHttpResult Problem(string field, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {field}");
}
