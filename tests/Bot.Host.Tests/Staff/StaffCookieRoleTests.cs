using System.Net;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The role matrix of <see cref="StaffRoleTests"/> with the console's own sign-in instead of API tokens: each role signs in
/// through the real «Вход» form (anti-forgery token, cookie), then every operation the OpenAPI document tags with a staff area
/// is called with that cookie. Without a cookie, or with one that does not decrypt, the answer is 401 (or the sign-in page);
/// a role outside the area gets 403 (or the «no access» page); the area's roles get neither.
/// </summary>
public sealed class StaffCookieRoleTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Every_staff_operation_refuses_callers_without_a_valid_sign_in_cookie_and_wrong_roles_and_admits_its_own()
    {
        var signedIn = new Dictionary<string, StaffBrowserlessSignIn>();
        using var anonymous = new StaffBrowserlessSignIn(app.Address);
        using var forged = new StaffBrowserlessSignIn(app.Address);
        forged.Client.DefaultRequestHeaders.Add("Cookie", "assistant.staff=CfDJ8" + new string('A', 200));
        try
        {
            foreach (var role in StaffRoles.All)
            {
                var login = "cookie-role-" + role;
                await app.AddStaffAsync(login, role, "general");
                var browser = new StaffBrowserlessSignIn(app.Address);
                signedIn[role] = browser;
                var landing = await browser.PostFormAsync("staff/login", "staff/account/login", ("login", login), ("password", RunningApp.StaffPassword), ("returnUrl", "/staff"));
                Assert.DoesNotContain("login", landing, StringComparison.Ordinal);
            }

            var failures = new List<string>();
            var operations = await OperationsAsync();
            Assert.NotEmpty(operations);
            foreach (var operation in operations)
            {
                var allowed = StaffRoles.AreaRoles[operation.Area!];
                Check(operation, "anonymous", await CallAsync(anonymous.Client, operation), Refusal.SignIn, failures);
                Check(operation, "a forged cookie", await CallAsync(forged.Client, operation), Refusal.SignIn, failures);
                foreach (var role in StaffRoles.All)
                {
                    var answer = await CallAsync(signedIn[role].Client, operation);
                    if (allowed.Contains(role))
                    {
                        if (answer.Refused is not null)
                        {
                            failures.Add($"{operation.Name} as {role}: {answer}, the area admits it");
                        }
                    }
                    else
                    {
                        Check(operation, role, answer, Refusal.Denied, failures);
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            foreach (var browser in signedIn.Values)
            {
                browser.Dispose();
            }
        }
    }

    private enum Refusal
    {
        SignIn,
        Denied,
    }

    /// <summary>A status, and where a redirect goes (the API answers with codes, the pages redirect).</summary>
    private sealed record Answer(HttpStatusCode Status, string? Location)
    {
        public Refusal? Refused => Status switch
        {
            HttpStatusCode.Unauthorized => Refusal.SignIn,
            HttpStatusCode.Forbidden => Refusal.Denied,
            HttpStatusCode.Redirect or HttpStatusCode.Found when Location?.Contains("/staff/login", StringComparison.Ordinal) == true => Refusal.SignIn,
            HttpStatusCode.Redirect or HttpStatusCode.Found when Location?.Contains("/staff/denied", StringComparison.Ordinal) == true => Refusal.Denied,
            _ => null,
        };

        public override string ToString() => Location is null ? ((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{(int)Status} → {Location}";
    }

    private static void Check(ApiOperation operation, string who, Answer answer, Refusal expected, List<string> failures)
    {
        if (answer.Refused != expected)
        {
            failures.Add($"{operation.Name} as {who}: {answer}, expected {(expected == Refusal.SignIn ? "401 or the sign-in page" : "403 or the no-access page")}");
        }
    }

    private static async Task<Answer> CallAsync(HttpClient client, ApiOperation operation)
    {
        using var request = operation.NewRequest();
        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>Every operation the app's OpenAPI document tags with a staff area.</summary>
    private async Task<IReadOnlyList<ApiOperation>> OperationsAsync() =>
        [.. (await ApiOperation.ReadAllAsync(app.Client)).Where(o => o.Area is not null)];
}
