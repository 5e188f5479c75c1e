using System.Diagnostics;

namespace Assistant.Dialogs.Engine;

/// <summary>The tracing source of the engine; add <see cref="SourceName"/> to the host's OpenTelemetry tracer.</summary>
public static class DialogTelemetry
{
    public const string SourceName = "Assistant.Dialogs";

    internal static readonly ActivitySource Source = new(SourceName);
}
