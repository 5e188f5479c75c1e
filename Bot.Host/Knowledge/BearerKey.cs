using System.Security.Cryptography;
using System.Text;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>A staff endpoint guarded by one configured bearer key: off (404) without a key, 401 with a wrong one.</summary>
public static class BearerKey
{
    public static IResult? Check(HttpContext context, string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return TypedResults.NotFound();
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : string.Empty;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configuredKey))
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid key is required.");
    }
}
