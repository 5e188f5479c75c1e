namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The real app for operator tests: operators are accounts created with <see cref="RunningApp.OperatorAsync"/>.</summary>
public sealed class OperatorApp : RunningApp
{
}
