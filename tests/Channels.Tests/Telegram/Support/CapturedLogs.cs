using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>Every log line of the app under test, at every level, so a test can look for a decision or for a leaked secret.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, string? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{EventId}] {Message} {Exception}";
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}
