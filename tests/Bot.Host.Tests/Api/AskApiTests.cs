using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Api;

public sealed class AskApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    private static async Task<JsonElement> AskAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("api/ask", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_seed_KB_answers_a_question_typed_in_the_wrong_layout()
    {
        var result = await AskAsync(app.Client, new { text = "rfr gjkexbnm gjkbc jvc" });

        Assert.Equal("oms-get-policy", result.GetProperty("candidates")[0].GetProperty("articleId").GetString());
        Assert.Contains(result.GetProperty("decision").GetString(), new[] { "answer", "clarify" });
        Assert.False(string.IsNullOrEmpty(result.GetProperty("reason").GetString()));
        Assert.True(result.GetProperty("timings").GetProperty("totalMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task Personal_data_in_the_message_is_masked_before_the_search_and_never_echoed()
    {
        var result = await AskAsync(app.Client, new { text = "потерял полис омс что делать, мой телефон +7 912 345-67-89, паспорт 4510 123456" });

        Assert.Equal("oms-replace-policy", result.GetProperty("candidates")[0].GetProperty("articleId").GetString());
        var analyzed = result.GetProperty("analyzedText").GetString()!;
        Assert.DoesNotContain("912", analyzed);
        Assert.DoesNotContain("123456", analyzed);
    }

    [Fact]
    public async Task A_message_with_two_questions_reports_the_second_one_and_the_calibrated_confidence()
    {
        var result = await AskAsync(app.Client, new
        {
            text = "Здравствуйте. Мы с партнёром хотим открыть аптечный пункт в посёлке под Вологдой. Какие условия нужны для получения разрешения на торговлю лекарствами, кто его выдаёт и обязателен ли провизор в штате? И ещё: как проверить лицензию конкурента?",
        });

        Assert.Equal("answer", result.GetProperty("decision").GetString());
        Assert.Equal("license-pharma", result.GetProperty("chosen")[0].GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("alsoAsked").GetString()));
        Assert.InRange(result.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.Contains("calibrated on this KB", result.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE articles; --")]
    public async Task Hostile_or_empty_text_gets_a_fallback_not_an_error(string text)
    {
        var result = await AskAsync(app.Client, new { text });

        Assert.Equal("fallback", result.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_100_kB_message_gets_a_decision_and_the_service_stays_up()
    {
        var result = await AskAsync(app.Client, new { text = string.Concat(Enumerable.Repeat("полис ", 20_000)) });

        Assert.False(string.IsNullOrEmpty(result.GetProperty("decision").GetString()));
        using var health = await app.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_unknown_segment_is_a_validation_error()
    {
        using var response = await app.Client.PostAsJsonAsync("api/ask", new { text = "полис", segment = "alien" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("segment", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_ask_endpoint()
    {
        var document = await app.Client.GetStringAsync("openapi/v1.json");

        Assert.Contains("/api/ask", document);
    }
}
