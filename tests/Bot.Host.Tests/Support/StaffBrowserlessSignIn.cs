using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The sign-in form driven over plain HTTP (cookies, anti-forgery token, redirects), as a browser without scripts would.</summary>
public sealed partial class StaffBrowserlessSignIn : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;

    public StaffBrowserlessSignIn(Uri address) =>
        _client = new(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = address };

    public HttpClient Client => _client;

    /// <summary>The cookies this browser would send, as a Cookie header (to replay them from elsewhere).</summary>
    public string CookieHeader() => _cookies.GetCookieHeader(_client.BaseAddress!);

    /// <summary>Posts a form from <paramref name="page"/> to <paramref name="action"/>; returns where the answer redirects.</summary>
    public async Task<string> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await _client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{page} has no anti-forgery token");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await _client.PostAsync(action, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The current RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a base32 authenticator key.</summary>
    public static string TotpCode(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _client.Dispose();

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
