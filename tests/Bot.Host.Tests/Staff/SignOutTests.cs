using System.Net;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// «Выйти» ends the account's sign-in everywhere at once: the cookie of another browser and the signed-out cookie itself stop
/// opening pages and the API; a sign-out post without the form's anti-forgery token changes nothing.
/// </summary>
public sealed class SignOutTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_cookie_in_another_and_the_old_cookie_at_once()
    {
        await app.AddStaffAsync("sofia", "operator", "oms");
        using var first = new StaffBrowserlessSignIn(app.Address);
        using var second = new StaffBrowserlessSignIn(app.Address);
        foreach (var browser in new[] { first, second })
        {
            Assert.Equal("/staff", await browser.PostFormAsync("staff/login", "staff/account/login", ("login", "sofia"), ("password", RunningApp.StaffPassword)));
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("api/operator/conversations/mine")).StatusCode);
        }

        // The first browser's cookie, kept by someone after «Выйти», is copied aside before it is cleared.
        var oldCookie = first.CookieHeader();
        Assert.Equal("/staff/login", await first.PostFormAsync("staff", "staff/account/logout"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await second.Client.GetAsync("api/operator/conversations/mine")).StatusCode);
        var page = await second.Client.GetAsync("staff/requests");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/staff/login", page.Headers.Location!.OriginalString);
        using var replay = new HttpClient { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/operator/presence") { Content = System.Net.Http.Json.JsonContent.Create(new { online = true }) };
        request.Headers.Add("Cookie", oldCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_forms_token_is_refused_and_signs_no_one_in()
    {
        await app.AddStaffAsync("stepan", "operator", "oms");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };

        var forged = await client.PostAsync("staff/account/login", new FormUrlEncodedContent([new("login", "stepan"), new("password", RunningApp.StaffPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("assistant.staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sign_out_post_without_the_forms_token_is_refused_and_the_member_stays_signed_in()
    {
        await app.AddStaffAsync("semyon", "operator", "oms");
        using var browser = new StaffBrowserlessSignIn(app.Address);
        await browser.PostFormAsync("staff/login", "staff/account/login", ("login", "semyon"), ("password", RunningApp.StaffPassword));

        // What a page on another site could send: the cookie (SameSite aside) without the token.
        var forged = await browser.Client.PostAsync("staff/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("api/operator/conversations/mine")).StatusCode);
    }
}
