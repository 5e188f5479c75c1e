using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The keys that sign staff cookies and anti-forgery tokens live in staff.db (or PostgreSQL); with Staff:KeyCertificatePath they
/// are stored encrypted with that certificate, so reading the database is not enough to forge a sign-in.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "cert-password-1";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assistant-keys-" + Guid.NewGuid().ToString("N"));

    public KeyProtectionTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_read_back_after_a_restart()
    {
        var certificate = WriteCertificate("keys.pfx");
        var data = Path.Combine(_directory, "data");

        var first = await StartAndSignInPageAsync(data, certificate, Password);
        var keys = KeysIn(data);
        var key = Assert.Single(keys);
        Assert.Contains("encryptedSecret", key);
        Assert.DoesNotContain("<masterKey", key);
        Assert.Empty(first);

        // A second start with the same certificate decrypts the stored key and uses it: no error, no new key.
        var second = await StartAndSignInPageAsync(data, certificate, Password);
        Assert.Empty(second);
        Assert.Equal(keys, KeysIn(data));
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_as_before()
    {
        var data = Path.Combine(_directory, "plain");
        Assert.Empty(await StartAndSignInPageAsync(data, null, null));
        Assert.Contains("<masterKey", Assert.Single(KeysIn(data)));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_with_the_setting_named_and_no_password_in_the_message()
    {
        var certificate = WriteCertificate("wrong.pfx");
        var error = Assert.Throws<SettingException>(() => AssistantApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", Path.Combine(_directory, "bad"),
             "--Staff:KeyCertificatePath", certificate, "--Staff:KeyCertificatePassword", "not-the-password"]));
        Assert.Contains("Staff:KeyCertificatePath", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }

    private string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Assistant data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static Task<string[]> StartAndSignInPageAsync(string data, string? certificate, string? password) =>
        certificate is null
            ? SignInPageStart.RunAsync(data)
            : SignInPageStart.RunAsync(data, ("Staff:KeyCertificatePath", certificate), ("Staff:KeyCertificatePassword", password!));

    private static string[] KeysIn(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "staff.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys ORDER BY Id";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }
}
