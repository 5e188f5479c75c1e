using Microsoft.AspNetCore.Components;

namespace Assistant.Bot.Host.Staff.Pages;

/// <summary>
/// An interactive staff page whose buttons survive a failure on the server. An exception in an event handler would otherwise end
/// the page's connection (the «Нет связи с сервером» cover) and lose what was typed; here the action is reported as failed, in
/// Russian, and the form stays as it was, so the staff member can try again.
/// </summary>
public abstract class StaffPage : ComponentBase, IHandleEvent
{
    public const string FailureMessage =
        "Не получилось: на сервере ошибка. Введённое осталось в форме — попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

    [Inject]
    private ILogger<StaffPage> Logger { get; set; } = default!;

    /// <summary>Set when the last action failed on the server; the page shows it as an alert.</summary>
    protected string? ActionFailure { get; private set; }

    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        ActionFailure = null;
        try
        {
            var task = callback.InvokeAsync(arg);
            if (!task.IsCompleted)
            {
                // As ComponentBase does: the page shows what the handler set before its first wait («Загрузка…»).
                StateHasChanged();
            }

            await task;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The kind only: a store's or a service's message may quote what a citizen or the staff member typed.
            Logger.LogError("A staff page action failed on {Page}: {Error}", GetType().Name, e.GetType().Name);
            ActionFailure = FailureMessage;
        }

        StateHasChanged();
    }
}
