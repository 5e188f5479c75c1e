using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Channels.Telegram;

/// <summary>
/// A button's payload as Telegram callback_data, which holds at most 64 bytes. Short payloads go as they are; a longer one
/// (an article id can be long) goes as "#" and a hash, and is found again among the buttons of the conversation's transcript,
/// so nothing has to be remembered between restarts or hosts.
/// </summary>
internal static class CallbackData
{
    public const int MaxBytes = 64;

    private const char HashMark = '#';

    public static string Encode(string payload) =>
        Encoding.UTF8.GetByteCount(payload) <= MaxBytes && !IsHashed(payload) ? payload : HashMark + Hash(payload);

    public static bool IsHashed(string data) => data.Length > 0 && data[0] == HashMark;

    public static bool Matches(string data, string payload) => string.Equals(Encode(payload), data, StringComparison.Ordinal);

    /// <summary>22 characters of base64url SHA-256: 128 bits, far from any collision among one conversation's buttons.</summary>
    private static string Hash(string payload) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)))[..22];
}
