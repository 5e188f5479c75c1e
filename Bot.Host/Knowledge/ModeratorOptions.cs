namespace Assistant.Bot.Host.Knowledge;

/// <summary>Section "Moderators". Until staff accounts exist, KB editing over HTTP takes one bearer key; without it the API is off.</summary>
public sealed class ModeratorOptions
{
    public const string Section = "Moderators";

    public string? ApiKey { get; set; }
}
