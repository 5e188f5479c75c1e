namespace Assistant.Dialogs.Templates;

/// <summary>What the operator desk tells an operator when an action cannot be done.</summary>
public sealed record DeskPhrases
{
    public required string NotFound { get; init; }
    public required string NotYours { get; init; }
    public required string WrongState { get; init; }
    public required string AlreadyTaken { get; init; }
    public required string EmptyText { get; init; }
    public required string TooLong { get; init; }
    public required string RequestTooLong { get; init; }
    public required string NoGroup { get; init; }
    public required string TransferLimit { get; init; }
    public required string NotYourGroup { get; init; }
    public required string AtCapacity { get; init; }
    public required string ReservedForManager { get; init; }
    public required string UnknownFlag { get; init; }
    public required string RequestNotFound { get; init; }
    public required string RequestNotYours { get; init; }
    public required string RequestWrongState { get; init; }
    public required string RequestChanged { get; init; }
    public required string RequestNotTaken { get; init; }
    public required string RequestNoAnswer { get; init; }
}
