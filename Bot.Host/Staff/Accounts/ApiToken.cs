namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>A personal API token of an account. Only its SHA-256 is kept; the token itself is shown once, when issued.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters, so an administrator can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
