using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Host.Knowledge;

public static class AskApi
{
    /// <summary>Longest message accepted; anything beyond is cut before analysis (the analyser reads only the start anyway).</summary>
    public const int MaxTextLength = 100_000;

    private static readonly Assistant.Dialogs.Privacy.PersonalDataMasker Masker = new();

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
           .WithName("Ask")
           .WithSummary("Find the KB article for a message: answer, clarify or fallback, with ranked candidates and the reason.");
        return app;
    }

    public static async Task<Results<Ok<AskResponse>, ValidationProblem>> AskAsync(AskBody body, IKnowledgeSearch knowledge, CancellationToken cancellationToken)
    {
        if (body.Segment is not null && !Segment.IsKnown(body.Segment))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["segment"] = ["must be citizen, business or medic"] });
        }

        var text = body.Text is { Length: > MaxTextLength } tooLong ? tooLong[..MaxTextLength] : body.Text;

        // Searched as the chat searches it: a phone number or a passport typed here never reaches the embeddings service (an
        // outside one when configured) and is not echoed back in analyzedText.
        text = text is null ? null : Assistant.Dialogs.Privacy.PersonalDataMasker.WithoutTokens(Masker.Mask(text).Text);
        var result = await knowledge.AskAsync(new AskRequest(text, body.Segment), cancellationToken);
        return TypedResults.Ok(AskResponse.From(result));
    }
}

public sealed record AskBody(string? Text, string? Segment);
