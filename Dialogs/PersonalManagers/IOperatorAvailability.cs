namespace Assistant.Dialogs.PersonalManagers;

/// <summary>Whether an operator can take one more conversation now: signed in as present and below their capacity. The host knows.</summary>
public interface IOperatorAvailability
{
    Task<bool> IsAvailableAsync(string operatorId, CancellationToken cancellationToken);
}
