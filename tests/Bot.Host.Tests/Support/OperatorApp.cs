namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The real app with the operator API switched on (Operators:ApiKey set).</summary>
public sealed class OperatorApp : RunningApp
{
    public const string ApiKey = "test-operator-key-5f0c2a";

    protected override IEnumerable<(string Key, string Value)> Settings => [("Operators:ApiKey", ApiKey)];

    /// <summary>An operator's HTTP client with the right bearer key.</summary>
    public OperatorClient Operator(string operatorId) => new(Client, ApiKey, operatorId);
}
