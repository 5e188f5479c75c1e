using Assistant.Knowledge.Retrieval;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Bot.Host.Health;

/// <summary>
/// <c>/healthz/live</c>: the process answers (a liveness probe; it never looks at Redis or the databases, so their outage does
/// not get every host restarted). <c>/healthz/ready</c>: the KB is loaded and every configured store answers (a readiness
/// probe; a host that is not ready is taken out of the balancer). <c>/healthz</c>: the earlier summary, kept for scripts.
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (KnowledgeService knowledge) => TypedResults.Ok(new { status = "ok", indexedQuestions = knowledge.QuestionCount }))
           .WithName("Health");
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).WithName("Live");
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        }).WithName("Ready");
        return app;
    }

    /// <summary>The overall status and each check's status, so an administrator sees which store is down (never an error's text).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
}
