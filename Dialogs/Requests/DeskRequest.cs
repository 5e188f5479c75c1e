namespace Assistant.Dialogs.Requests;

/// <summary>A written request with its desk record, as the requests desk lists it.</summary>
public sealed record DeskRequest(WrittenRequest Request, RequestWork Work)
{
    /// <summary>Past the deadline and not answered or closed yet.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Work.Status is RequestStatus.New or RequestStatus.InWork && Request.DueAt < now;
}
