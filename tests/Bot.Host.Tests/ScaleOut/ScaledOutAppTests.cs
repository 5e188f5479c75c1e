using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Api;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Tests.Servers;
using Npgsql;

namespace Assistant.Bot.Host.Tests.ScaleOut;

/// <summary>
/// Two instances of the real app configured as the scaled-out deployment (ConnectionStrings:Redis and ConnectionStrings:Postgres,
/// separate data directories) behind an imaginary load balancer that sends each call to whichever host it likes.
/// </summary>
public sealed class ScaledOutAppTests(RedisServer redis, PostgresServer postgres) : IClassFixture<RedisServer>, IClassFixture<PostgresServer>
{
    [Fact]
    public async Task One_visitor_served_by_two_hosts_from_question_to_a_rating_stored_in_PostgreSQL()
    {
        var database = await postgres.CreateDatabaseAsync();
        (string, string)[] settings =
        [
            ("ConnectionStrings:Redis", redis.Configuration), ("ConnectionStrings:Postgres", database),
        ];
        var a = new ConfiguredApp(settings);
        var b = new ConfiguredApp(settings);
        await a.InitializeAsync();
        await b.InitializeAsync();
        try
        {
            await ServedByBothAsync(a, b, database);
        }
        catch (Exception e) when (!a.LoggedErrors.IsEmpty || !b.LoggedErrors.IsEmpty)
        {
            // A host's own errors say why a call failed (a 500 has no body in production).
            throw new Xunit.Sdk.XunitException($"{e.Message}\nhost A logged: {string.Join("\n", a.LoggedErrors)}\nhost B logged: {string.Join("\n", b.LoggedErrors)}");
        }
        finally
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }

    private static async Task ServedByBothAsync(ConfiguredApp a, ConfiguredApp b, string database)
    {
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(b.Client, userId);

        // The question goes to host A; the answer reaches the visitor's stream on host B through the backplane.
        await WebChatCalls.SendAsync(a.Client, userId, "как получить полис омс");
        await stream.WaitForKindAsync("answer");
        await WebChatCalls.PressAsync(b.Client, userId, "Оператор", "operator");
        await stream.WaitForKindAsync("handoffNotice");

        var conversationId = (await WebChatCalls.ConversationOfAsync(a.Services, userId)).Id;
        // One account in the shared PostgreSQL: its token works on both hosts.
        var token = await a.AddStaffAsync("op-1", "operator", RunningApp.SeedGroups);
        var onA = new OperatorClient(a.Client, token, "op-1");
        var onB = new OperatorClient(b.Client, token, "op-1");
        await onA.OkAsync(onA.AcceptAsync(conversationId));
        await onB.OkAsync(onB.ReplyAsync(conversationId, "Полис оформляет страховая медицинская организация."));
        await stream.WaitForKindAsync("operatorMessage");
        await onA.OkAsync(onA.CloseAsync(conversationId));
        await stream.WaitForKindAsync("ratingPrompt");
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(b.Client,
            new { userId, clientMessageId = WebChatCalls.NewClientMessageId(), type = "rating", rating = 5 }));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT score, operator_id, channel FROM ratings WHERE conversation_id = @id", connection);
        command.Parameters.AddWithValue("id", conversationId);
        await using (var row = await command.ExecuteReaderAsync())
        {
            Assert.True(await row.ReadAsync(), "the rating is in PostgreSQL");
            Assert.Equal(5, row.GetInt32(0));
            Assert.Equal("op-1", row.GetString(1));
            Assert.Equal("web", row.GetString(2));
        }

        var fromA = await onA.OkAsync(onA.TranscriptAsync(conversationId));
        var fromB = await onB.OkAsync(onB.TranscriptAsync(conversationId));
        Assert.Equal(fromA.ToString(), fromB.ToString());
        Assert.Contains(fromA.EnumerateArray(), e => e.GetProperty("text").GetString() == "Полис оформляет страховая медицинская организация.");
    }

    [Fact]
    public async Task A_question_a_moderator_adds_through_one_host_is_found_by_the_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        (string, string)[] settings = [("ConnectionStrings:Postgres", database)];
        var a = new ConfiguredApp(settings);
        var b = new ConfiguredApp(settings);
        await a.InitializeAsync();
        await b.InitializeAsync();
        try
        {
            const string phrasing = "зюзюка брямс для вжуха";
            Assert.NotEqual("records-certificates", await TopArticleAsync(b, phrasing));
            using var add = new HttpRequestMessage(HttpMethod.Post, "api/kb/articles/records-certificates/questions")
            {
                Content = JsonContent.Create(new { text = phrasing }),
            };
            add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await b.AddStaffAsync("moderator", "moderator"));
            using (var added = await a.Client.SendAsync(add))
            {
                Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            }

            // Host B reloads its index in the background when PostgreSQL tells it the KB changed: ask until it has.
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (await TopArticleAsync(b, phrasing) != "records-certificates")
            {
                await Task.Delay(100, guard.Token);
            }

            Assert.Equal("records-certificates", await TopArticleAsync(b, phrasing));
        }
        finally
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
        }
    }

    private static async Task<string?> TopArticleAsync(RunningApp app, string text)
    {
        using var ask = await app.Client.PostAsJsonAsync("api/ask", new { text });
        var candidates = (await ask.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates");
        return candidates.GetArrayLength() > 0 ? candidates[0].GetProperty("articleId").GetString() : null;
    }
}
