using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (KnowledgeService knowledge) => TypedResults.Ok(new { status = "ok", indexedQuestions = knowledge.QuestionCount }))
           .WithName("Health");
        return app;
    }
}
