using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary>
/// A forgotten password or a lockout, handled from the command line as an administrator would: the account keeps its queues,
/// and the member signs in again at once on the running app.
/// </summary>
public sealed class StaffCliResetTests : IDisposable
{
    private const string Password = "Admin-password-7";
    private const string NewPassword = "Second-password-8";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assistant-staff-reset-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_password_reset_without_groups_keeps_the_groups_and_explicit_groups_replace_them()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "olga", "--role", "operator", "--groups", "oms,care")).ExitCode);

        var reset = await RunAsync(NewPassword + "\n", "staff", "add", "olga", "--role", "operator");
        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("olga: operator, groups oms,care", reset.Output);
        Assert.Contains("olga\toperator\toms,care\t", (await RunAsync(null, "staff", "list")).Output);

        Assert.Equal(0, (await RunAsync(NewPassword + "\n", "staff", "add", "olga", "--role", "supervisor", "--groups", "drugs")).ExitCode);
        Assert.Contains("olga\tsupervisor\tdrugs\t", (await RunAsync(null, "staff", "list")).Output);
    }

    [Fact]
    public async Task A_locked_out_account_signs_in_again_after_staff_unlock_and_the_page_says_who_can_unlock_it()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "nina", "--role", "operator", "--groups", "care")).ExitCode);
        await using var app = new ConfiguredApp(("Storage:DataDirectory", _data));
        await app.InitializeAsync();
        using var browser = new StaffBrowserlessSignIn(app.Address);
        await LockOutAsync(browser, "nina");
        Assert.Contains("error=locked", await SignInAsync(browser, "nina", Password));
        Assert.Contains("staff unlock", await browser.Client.GetStringAsync("staff/login?error=locked"));

        var unlocked = await RunAsync(null, "staff", "unlock", "nina");

        Assert.True(unlocked.ExitCode == 0, unlocked.Error);
        Assert.Contains("nina: unlocked", unlocked.Output);
        Assert.Equal("/staff", await SignInAsync(browser, "nina", Password));
    }

    [Fact]
    public async Task A_password_reset_through_staff_add_lifts_the_lockout_and_keeps_the_groups()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "pavel", "--role", "operator", "--groups", "oms")).ExitCode);
        await using var app = new ConfiguredApp(("Storage:DataDirectory", _data));
        await app.InitializeAsync();
        using var browser = new StaffBrowserlessSignIn(app.Address);
        await LockOutAsync(browser, "pavel");

        var reset = await RunAsync(NewPassword + "\n", "staff", "add", "pavel", "--role", "operator");

        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("pavel: operator, groups oms", reset.Output);
        Assert.Equal("/staff", await SignInAsync(browser, "pavel", NewPassword));
    }

    [Fact]
    public async Task Unlocking_a_login_that_does_not_exist_says_so_and_exits_with_1()
    {
        var unlocked = await RunAsync(null, "staff", "unlock", "ghost");

        Assert.Equal(1, unlocked.ExitCode);
        Assert.Contains("No account 'ghost'.", unlocked.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>Wrong passwords until Identity locks the account (Staff:MaxFailedSignIns, 5).</summary>
    private static async Task LockOutAsync(StaffBrowserlessSignIn browser, string login)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(browser, login, "Wrong-password-0");
        }
    }

    private static Task<string> SignInAsync(StaffBrowserlessSignIn browser, string login, string password) =>
        browser.PostFormAsync("staff/login", "staff/account/login", ("login", login), ("password", password), ("returnUrl", "/staff"));

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? stdin, params string[] args) =>
        BotHostCli.RunAsync(args, new Dictionary<string, string> { ["Storage__DataDirectory"] = _data }, stdin);
}
