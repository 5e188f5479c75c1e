namespace Assistant.Channels.Vk.Api;

/// <summary>
/// VK refused a call or could not be reached. The kinds callers tell apart are the sealed subclasses; every one is made by
/// <see cref="VkErrors"/>. <see cref="IsTransient"/> says whether trying the same call again later can succeed.
/// </summary>
public class VkApiException : Exception
{
    internal VkApiException(string method, int code, string reason, bool isTransient)
        : base($"VK {method} failed: error {code} ({reason})")
    {
        Method = method;
        Code = code;
        Reason = reason;
        IsTransient = isTransient;
    }

    /// <summary>The API method, e.g. messages.send.</summary>
    public string Method { get; }

    /// <summary>VK's error_code, or the HTTP status when VK answered without a JSON error.</summary>
    public int Code { get; }

    /// <summary>VK's error_msg (VK never puts the token in it).</summary>
    public string Reason { get; }

    public bool IsTransient { get; }
}
