namespace Assistant.Dialogs.Privacy;

/// <summary>
/// What a log line says instead of an id that names a person (a web visitor's id opens their chat; a Telegram message id holds
/// the chat id): the first 12 hex digits of its SHA-256. The same id gives the same digest, so lines about one message still
/// match, and the id cannot be read back.
/// </summary>
public static class LogDigest
{
    public static string Of(string id) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..12];
}
