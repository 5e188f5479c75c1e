using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Assistant.Bot.Host.Staff.Presence;

/// <summary>
/// Counts a console page as open while its connection is up. A closed tab or browser drops the connection at once, long before
/// Blazor gives up the circuit itself.
/// </summary>
public sealed class ConsolePresenceCircuit(AuthenticationStateProvider authentication, OpenConsoles consoles) : CircuitHandler
{
    private string? _login;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (_login is null && user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } login })
        {
            _login = login;
            consoles.Connected(login);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_login is not null)
        {
            consoles.Disconnected(_login);
            _login = null;
        }

        return Task.CompletedTask;
    }
}
