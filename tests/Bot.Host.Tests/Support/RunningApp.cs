using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The real web app on Kestrel at a free loopback port, with its own data directory; for HTTP and browser tests.</summary>
public class RunningApp : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "assistant-app-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public IServiceProvider Services => _app!.Services;

    /// <summary>Every error the app has logged, for a failing test to show what happened inside the host.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> LoggedErrors { get; } = new();

    /// <summary>Extra settings (key, value) for a test class's app, e.g. ("Staff:MaxConversationsPerOperator", "2").</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>Changes to the composed app before it is built (last registration wins), e.g. a test clock.</summary>
    protected virtual void ConfigureHost(WebApplicationBuilder builder)
    {
    }

    public virtual async Task InitializeAsync()
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", _dataDirectory };
        foreach (var (key, value) in Settings)
        {
            args.Add("--" + key);
            args.Add(value);
        }

        _app = AssistantApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(new ErrorLog(LoggedErrors));
            ConfigureHost(builder);
        });
        try
        {
            await _app.StartAsync();
        }
        catch
        {
            // A host that failed to start cannot be stopped; it is only disposed.
            await _app.DisposeAsync();
            _app = null;
            throw;
        }

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        Client = new HttpClient { BaseAddress = Address };

        // As a balancer does, send nothing to a scaled-out host until it is ready: its Redis connection is made in the background
        // and may still be opening when the host has started, and a first call would then fail.
        var scaledOut = Settings.Any(s => s.Key == "ConnectionStrings:Redis");
        for (var attempt = 0; scaledOut && !(await Client.GetAsync("healthz/ready")).IsSuccessStatusCode; attempt++)
        {
            if (attempt == 300)
            {
                throw new InvalidOperationException("The app did not become ready in 30 s: " + await (await Client.GetAsync("healthz/ready")).Content.ReadAsStringAsync());
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The password every test account gets (Identity's rules: 10+ characters, a digit, upper and lower case).</summary>
    public const string StaffPassword = "Test-password-1";

    /// <summary>Creates (or updates) a staff account in this app's store and returns a new personal API token for it.</summary>
    public async Task<string> AddStaffAsync(string login, string role, params string[] groups)
    {
        await using var scope = Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<Assistant.Bot.Host.Staff.Accounts.StaffAccounts>()
            .AddOrUpdateAsync(login, role, groups, StaffPassword);
        Assert.Empty(errors);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Assistant.Bot.Host.Staff.Accounts.StaffUser>>();
        var user = await users.FindByNameAsync(login) ?? throw new InvalidOperationException(login);
        return await scope.ServiceProvider.GetRequiredService<Assistant.Bot.Host.Staff.Accounts.StaffTokens>().IssueAsync(user, CancellationToken.None);
    }

    /// <summary>An operator account in <paramref name="groups"/> (every seed KB group when none are named) and its API client.</summary>
    public async Task<OperatorClient> OperatorAsync(string login, params string[] groups) =>
        new(Client, await AddStaffAsync(login, "operator", groups.Length > 0 ? groups : SeedGroups), login);

    /// <summary>The skill groups the seed KB routes to.</summary>
    public static readonly string[] SeedGroups =
        ["general", "oms", "care", "accreditation", "drugs", "expertise", "licensing", "maternity", "pharma", "reception", "sick-leave"];

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
