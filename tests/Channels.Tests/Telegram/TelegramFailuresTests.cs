using System.Net;
using Assistant.Channels.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramFailuresTests
{
    [Theory]
    [InlineData(429, "Too Many Requests: retry after 3", "Transient")]
    [InlineData(502, "Bad Gateway", "Transient")]
    [InlineData(403, "Forbidden: bot was blocked by the user", "Unreachable")]
    [InlineData(403, "Forbidden: user is deactivated", "Unreachable")]
    [InlineData(400, "Bad Request: chat not found", "Unreachable")]
    [InlineData(400, "Bad Request: message is not modified", "Refused")]
    [InlineData(400, "Bad Request: can't parse entities: unexpected end tag", "Refused")]
    [InlineData(401, "Unauthorized", "Refused")]
    public void Bot_api_errors_are_retried_recorded_or_given_up(int code, string description, string kind) =>
        Assert.Equal(kind, TelegramFailures.Classify(new ApiRequestException(description, code)).ToString());

    [Fact]
    public void Network_failures_are_transient()
    {
        Assert.Equal(TelegramFailureKind.Transient, TelegramFailures.Classify(new HttpRequestException("Connection refused")));
        Assert.Equal(TelegramFailureKind.Transient, TelegramFailures.Classify(new RequestException("Request timed out", new TimeoutException())));
        Assert.Equal(TelegramFailureKind.Transient, TelegramFailures.Classify(new RequestException("Bad gateway", HttpStatusCode.BadGateway)));
        Assert.Equal(TelegramFailureKind.Transient, TelegramFailures.Classify(new TaskCanceledException("HttpClient.Timeout", new TimeoutException())));
        Assert.Equal(TelegramFailureKind.Refused, TelegramFailures.Classify(new RequestException("Not found", HttpStatusCode.NotFound)));
    }

    [Fact]
    public void Retry_after_is_read_from_the_parameters_of_a_429()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), TelegramFailures.RetryAfter(new ApiRequestException("Too Many Requests", 429, new ResponseParameters { RetryAfter = 7 })));
        Assert.Null(TelegramFailures.RetryAfter(new ApiRequestException("Bad Gateway", 502)));
    }

    [Fact]
    public void Refused_markup_is_recognised() =>
        Assert.True(TelegramFailures.IsMarkupRefused(new ApiRequestException("Bad Request: can't parse entities: unsupported start tag", 400)));
}
