namespace Assistant.Bot.Host.Operators;

/// <summary>Section "Operators". Until staff accounts exist, the operator API takes one bearer key; without it the API is off.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operators";

    public string? ApiKey { get; set; }
}
