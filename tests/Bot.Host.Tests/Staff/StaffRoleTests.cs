using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// Role checks generated from the app's own OpenAPI document: every operation tagged with a staff area refuses anonymous calls
/// and calls from every role outside the area, and lets the area's roles through; nothing else is left unguarded.
/// </summary>
public sealed class StaffRoleTests(RunningApp app) : IClassFixture<RunningApp>
{
    /// <summary>The operations that citizens' channels and probes call without an account.</summary>
    private static readonly string[] PublicOperations =
    [
        "GET /healthz", "POST /api/ask", "POST /api/webchat/activities", "GET /api/webchat/stream",
    ];

    [Fact]
    public async Task A_staff_address_that_does_not_exist_is_a_Russian_404_page_and_others_a_bare_404()
    {
        using var staff = await app.Client.GetAsync("staff/no-such-page");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, staff.StatusCode);
        Assert.Contains("Страница не найдена", await staff.Content.ReadAsStringAsync());

        using var other = await app.Client.GetAsync("no-such-page");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Страница не найдена", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_operation_is_either_public_or_carries_one_staff_area_tag()
    {
        var operations = await OperationsAsync();

        var unguarded = operations.Where(o => o.Area is null && !PublicOperations.Contains(o.Name)).Select(o => o.Name).ToList();
        Assert.True(unguarded.Count == 0, "Operations without a staff area: " + string.Join(", ", unguarded));
        Assert.Contains(operations, o => o.Area == StaffRoles.Operators);
        Assert.Contains(operations, o => o.Area == StaffRoles.Moderators);
        Assert.Contains(operations, o => o.Area == StaffRoles.Supervisors);
        Assert.Contains(operations, o => o.Area == StaffRoles.Admins);
    }

    [Fact]
    public async Task Every_staff_operation_refuses_anonymous_calls_and_wrong_roles_and_admits_its_own()
    {
        var tokens = new Dictionary<string, string>();
        foreach (var role in StaffRoles.All)
        {
            tokens[role] = await app.AddStaffAsync("role-test-" + role, role, "general");
        }

        var failures = new List<string>();
        foreach (var operation in (await OperationsAsync()).Where(o => o.Area is not null))
        {
            var allowed = StaffRoles.AreaRoles[operation.Area!];
            Expect(operation, null, await CallAsync(operation, null), HttpStatusCode.Unauthorized, failures);
            Expect(operation, "a revoked-looking token", await CallAsync(operation, "ast_" + new string('x', 43)), HttpStatusCode.Unauthorized, failures);
            foreach (var role in StaffRoles.All)
            {
                var status = await CallAsync(operation, tokens[role]);
                if (allowed.Contains(role))
                {
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{operation.Name} as {role}: {(int)status}, the area admits it");
                    }
                }
                else
                {
                    Expect(operation, role, status, HttpStatusCode.Forbidden, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var token = await app.AddStaffAsync("revoked-operator", "operator", "general");
        using var client = Authorized(token);
        using (var before = await client.GetAsync("api/operator/conversations/mine"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            await scope.ServiceProvider.GetRequiredService<StaffTokens>().RevokeAllAsync((await users.FindByNameAsync("revoked-operator"))!, CancellationToken.None);
        }

        using var after = await client.GetAsync("api/operator/conversations/mine");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private HttpClient Authorized(string token)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void Expect(ApiOperation operation, string? who, HttpStatusCode actual, HttpStatusCode expected, List<string> failures)
    {
        if (actual != expected)
        {
            failures.Add($"{operation.Name} as {who ?? "anonymous"}: {(int)actual}, expected {(int)expected}");
        }
    }

    private async Task<HttpStatusCode> CallAsync(ApiOperation operation, string? token)
    {
        using var request = operation.NewRequest();
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }

    private Task<IReadOnlyList<ApiOperation>> OperationsAsync() => ApiOperation.ReadAllAsync(app.Client);
}
