using System.Globalization;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Dialogs.Statistics;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>The supervisors' dashboard as JSON and as CSV tables, for the same filters as the page.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/supervisor").WithTags(StaffRoles.Supervisors).RequireAuthorization(StaffRoles.Supervisors);
        group.MapGet("/dashboard", DashboardAsync).WithSummary("Service figures for a period (from, to: yyyy-MM-dd, default the last 30 days), channel and segment.");
        group.MapGet("/dashboard.csv", CsvAsync).WithSummary("One dashboard table as CSV (RFC 4180, UTF-8 with BOM): table = outcomes, transfers, times, requests, unanswered, csat-article, csat-situation, csat-channel, csat-operator, csat-segment.");
        return app;
    }

    public static async Task<IResult> DashboardAsync(string? from, string? to, string? channel, string? segment, DashboardService dashboards,
        TimeProvider time, CancellationToken cancellationToken) =>
        Filter(from, to, channel, segment, time) is { } filter
            ? TypedResults.Ok(await dashboards.BuildAsync(filter, cancellationToken))
            : BadDates();

    public static async Task<IResult> CsvAsync(string? table, string? from, string? to, string? channel, string? segment, DashboardService dashboards,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (Filter(from, to, channel, segment, time) is not { } filter)
        {
            return BadDates();
        }

        var bytes = CsvTable.For(await dashboards.BuildAsync(filter, cancellationToken), table ?? string.Empty);
        return bytes is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown table.", detail: "table is one of: " + string.Join(", ", CsvTable.Names))
            : TypedResults.File(bytes, "text/csv; charset=utf-8", $"{table}-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The filter of a request: dates as yyyy-MM-dd (default: the last 30 days up to today, UTC); null when a date is malformed.</summary>
    public static StatFilter? Filter(string? from, string? to, string? channel, string? segment, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        DateOnly? Parse(string? value, DateOnly fallback) =>
            string.IsNullOrWhiteSpace(value) ? fallback
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
              && Audit.AuditQuery.IsPlausible(day) ? day : null;
        var start = Parse(from, today.AddDays(-29));
        var end = Parse(to, today);
        // A period that ends before it starts is a mistake to point out, not a period with nothing in it.
        return start is null || end is null || end < start
            ? null
            : new StatFilter(start.Value, end.Value, string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(), string.IsNullOrWhiteSpace(segment) ? null : segment.Trim());
    }

    private static IResult BadDates() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Dates are yyyy-MM-dd, and from is not after to.");
}
