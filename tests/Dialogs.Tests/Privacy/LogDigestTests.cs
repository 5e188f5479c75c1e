using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Privacy;
using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Tests.Privacy;

/// <summary>A message id names the person who sent it: the log gets a digest that matches two lines about one message, never the id.</summary>
public sealed class LogDigestTests
{
    [Fact]
    public void A_skipped_duplicate_is_logged_by_a_digest_of_its_id_not_the_visitors_id()
    {
        const string visitor = "0b7e3a52-5c1e-4d8e-9a61-2f0c4b1d9e01";
        var logger = new LineLogger();

        logger.DuplicateSkipped("web", visitor + ":m1");
        logger.DuplicateSkipped("web", visitor + ":m1");

        Assert.Equal(2, logger.Lines.Count);
        Assert.Equal(logger.Lines[0], logger.Lines[1]);
        Assert.DoesNotContain(visitor, logger.Lines[0]);
        Assert.Contains(LogDigest.Of(visitor + ":m1"), logger.Lines[0]);
        Assert.Matches("^[0-9a-f]{12}$", LogDigest.Of(visitor + ":m1"));
        Assert.NotEqual(LogDigest.Of(visitor + ":m1"), LogDigest.Of(visitor + ":m2"));
    }

    private sealed class LineLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
