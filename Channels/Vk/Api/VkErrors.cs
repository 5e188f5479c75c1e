using System.Net;
using System.Text.Json;

namespace Assistant.Channels.Vk.Api;

/// <summary>The one place VK failures become exceptions: VK's error codes, HTTP statuses and unreadable answers.</summary>
internal static class VkErrors
{
    public const int TooManyRequests = 6;
    public const int FloodControl = 9;

    /// <summary>From VK's <c>{"error": {"error_code": …, "error_msg": …}}</c>.</summary>
    public static VkApiException FromError(string method, JsonElement error)
    {
        var code = error.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var number) ? number : 0;
        var reason = error.TryGetProperty("error_msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        return Create(method, code, reason);
    }

    public static VkApiException Create(string method, int code, string reason) => code switch
    {
        TooManyRequests => new VkTooManyRequestsException(method, code, reason),
        FloodControl => new VkFloodControlException(method, code, reason),
        1 or 10 => new VkServerErrorException(method, code, reason),
        5 => new VkAuthorizationException(method, code, reason),
        7 or 15 or 27 or 28 or 203 or 917 => new VkPermissionException(method, code, reason),
        900 or 901 or 902 => new VkRecipientUnavailableException(method, code, reason),
        8 or 100 or (>= 911 and <= 914) => new VkInvalidRequestException(method, code, reason),
        _ => new VkApiException(method, code, reason, isTransient: false),
    };

    /// <summary>VK (or a proxy in front of it) answered with an HTTP error instead of a JSON body.</summary>
    public static VkApiException FromStatus(string method, HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests
        ? new VkServerErrorException(method, (int)status, $"HTTP {(int)status}")
        : new VkInvalidRequestException(method, (int)status, $"HTTP {(int)status}");

    /// <summary>A 200 whose body is not VK's JSON (a broken proxy, a cut connection); worth another try.</summary>
    public static VkApiException Unreadable(string method, string what) => new VkServerErrorException(method, 0, what);
}
