using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Host.Metrics;

/// <summary>Section "Metrics": where Prometheus scrapes.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// When set, <c>/metrics</c> answers only on this port (list it in ASPNETCORE_URLS too, e.g. <c>http://+:8080;http://+:9464</c>),
    /// so the public address never shows it. When not set, <c>/metrics</c> is on every address the host listens on.
    /// </summary>
    [Range(1, 65535)]
    public int? Port { get; set; }
}
