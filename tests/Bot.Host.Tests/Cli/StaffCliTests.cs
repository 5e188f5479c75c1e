using System.Net;
using System.Net.Http.Headers;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary>`staff add|token|revoke|totp` on the real binary, then the accounts used against the real app on the same data directory.</summary>
public sealed class StaffCliTests : IDisposable
{
    private const string Password = "Admin-password-7";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assistant-staff-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_with_the_password_on_stdin()
    {
        var added = await RunAsync(Password + "\n", "staff", "add", "chief", "--role", "admin");
        var listed = await RunAsync(null, "staff", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("chief: admin", added.Output);
        Assert.DoesNotContain(Password, added.Output + added.Error);
        Assert.Contains("chief\tadmin", listed.Output);
        Assert.Equal([$"{StaffAuditFile.CliActor} account-saved chief as admin", $"{StaffAuditFile.CliActor} accounts-read "], await StaffAuditFile.LinesAsync(_data));
    }

    [Theory]
    [InlineData("", "operator", "No password on stdin")]
    [InlineData("short\n", "operator", "at least 10 characters")]
    [InlineData(Password + "\n", "boss", "Unknown role 'boss'")]
    public async Task A_missing_or_weak_password_or_an_unknown_role_is_refused_and_nothing_is_created(string stdin, string role, string message)
    {
        var added = await RunAsync(stdin, "staff", "add", "someone", "--role", role);
        var listed = await RunAsync(null, "staff", "list");

        Assert.Equal(1, added.ExitCode);
        Assert.Contains(message, added.Error);
        Assert.DoesNotContain("someone", listed.Output);
    }

    [Fact]
    public async Task A_token_printed_as_the_last_line_opens_the_API_with_the_accounts_role_until_revoked()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "olga", "--role", "operator", "--groups", "OMS, care")).ExitCode);
        var issued = await RunAsync(null, "staff", "token", "olga");
        var token = issued.Output.Trim().Split('\n')[^1].Trim();

        await using var app = new ConfiguredApp(("Storage:DataDirectory", _data));
        await app.InitializeAsync();
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var mine = await client.GetAsync("api/operator/conversations/mine"))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }

        using (var kb = await client.PostAsync("api/kb/articles/x/questions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, kb.StatusCode);
        }

        var revoked = await RunAsync(null, "staff", "revoke", "olga");
        Assert.Contains("1 token(s) revoked", revoked.Output);
        using var after = await client.GetAsync("api/operator/conversations/mine");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task With_the_second_factor_on_the_password_alone_does_not_sign_in_and_the_current_code_does()
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "pavel", "--role", "operator", "--groups", "oms")).ExitCode);
        var totp = await RunAsync(null, "staff", "totp", "pavel");
        var key = totp.Output.Trim().Split('\n')[^1].Trim();
        Assert.Contains("otpauth://totp/", totp.Output);

        await using var app = new ConfiguredApp(("Storage:DataDirectory", _data));
        await app.InitializeAsync();
        using var browser = new StaffBrowserlessSignIn(app.Address);

        var afterPassword = await browser.PostFormAsync("staff/login", "staff/account/login", ("login", "pavel"), ("password", Password), ("returnUrl", "/staff"));
        Assert.StartsWith("/staff/login?code=1", afterPassword);
        using (var stillOut = await browser.Client.GetAsync("staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        }

        var wrongCode = await browser.PostFormAsync(afterPassword, "staff/account/login-code", ("code", "000000"), ("returnUrl", "/staff"));
        Assert.Contains("error=code", wrongCode);
        var signedIn = await browser.PostFormAsync(afterPassword, "staff/account/login-code",
            ("code", StaffBrowserlessSignIn.TotpCode(key, DateTimeOffset.UtcNow)), ("returnUrl", "/staff"));
        Assert.Equal("/staff", signedIn);
        using var queue = await browser.Client.GetAsync("staff");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Очередь", await queue.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? stdin, params string[] args) =>
        BotHostCli.RunAsync(args, new Dictionary<string, string> { ["Storage__DataDirectory"] = _data }, stdin);
}
