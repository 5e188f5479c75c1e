using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Assistant.Knowledge.Retrieval;

internal static partial class RetrievalLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Vector search failed ({Error}); answering from the lexical signals alone")]
    public static partial void VectorSearchFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "A moderator's question was added, but its vector could not be stored ({Error}); it counts lexically until the next rebuild")]
    public static partial void VectorWriteFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "The inbox's questions could not be embedded ({Error}); they are grouped by shared words alone")]
    public static partial void GroupingVectorsFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Vectors of an earlier KB could not be pruned ({Error}); the next build tries again")]
    public static partial void VectorPruneFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Decisions calibrated on this KB in {Milliseconds} ms: {Phrasings} phrasings, {OutOfDomain} out-of-domain messages; answer at confidence {AnswerThreshold:0.00}, offer at {OfferThreshold:0.00}")]
    public static partial void Calibrated(this ILogger logger, long milliseconds, int phrasings, int outOfDomain, float answerThreshold, float offerThreshold);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "The KB is too small to calibrate decisions on; the fixed thresholds decide")]
    public static partial void NotCalibrated(this ILogger logger);

    /// <summary>
    /// What went wrong, without the message text: an embeddings endpoint's error body may quote the input, and a citizen's message
    /// must not reach the logs. gRPC (Qdrant) details name collections and sizes only, so they are kept.
    /// </summary>
    public static string Describe(Exception error) => error switch
    {
        RpcException rpc => $"{nameof(RpcException)} {rpc.StatusCode}: {rpc.Status.Detail}",
        _ => error.GetType().Name,
    };
}
