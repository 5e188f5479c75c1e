using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// `staff add|token|revoke|totp|list`: accounts from the command line, so the first admin needs no default password. The password
/// is read from stdin (one line), never from an argument that shell history or `ps` would keep.
/// </summary>
public static class StaffCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> buildServices, TextReader input, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        var arguments = new CliArguments(args);
        if (arguments.Positional.Count == 0)
        {
            throw new CliUsageException("staff needs a sub-command: add, token, revoke, totp or list.");
        }

        var action = arguments.Positional[0];
        var services = buildServices();
        await using (var db = await services.GetRequiredService<IDbContextFactory<StaffDbContext>>().CreateDbContextAsync(ct))
        {
            await StaffDatabase.EnsureSchemaAsync(db, ct);
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        if (action == "list")
        {
            foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(ct))
            {
                var roles = await users.GetRolesAsync(user);
                await output.WriteLineAsync($"{user.UserName}\t{string.Join(",", roles)}\t{user.Groups}\t{(user.TwoFactorEnabled ? "2fa" : "-")}");
            }

            return 0;
        }

        if (arguments.Positional.Count != 2)
        {
            throw new CliUsageException($"staff {action} needs exactly one login.");
        }

        var login = arguments.Positional[1];
        if (action == "add")
        {
            var role = arguments.Require("role");
            var password = await input.ReadLineAsync(ct);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("No password on stdin: pipe it in, e.g. `read -s P; echo \"$P\" | dotnet run --project Bot.Host -- staff add …`.");
                return 1;
            }

            var errors = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .AddOrUpdateAsync(login, role, StaffGroups.Parse(arguments.Get("groups")), password);
            if (errors.Count > 0)
            {
                foreach (var message in errors)
                {
                    await error.WriteLineAsync(message);
                }

                return 1;
            }

            await audit.WriteAsync("cli", "account-saved", details: $"{login} as {role}", cancellationToken: ct);
            await output.WriteLineAsync($"{login}: {role}{(arguments.Get("groups") is { } g ? ", groups " + StaffGroups.Join(StaffGroups.Parse(g)) : string.Empty)}");
            return 0;
        }

        if (await users.FindByNameAsync(login) is not { } account)
        {
            await error.WriteLineAsync($"No account '{login}'.");
            return 1;
        }

        var tokens = scope.ServiceProvider.GetRequiredService<StaffTokens>();
        switch (action)
        {
            case "token":
                var token = await tokens.IssueAsync(account, ct);
                await audit.WriteAsync("cli", "token-issued", details: login, cancellationToken: ct);
                await output.WriteLineAsync($"A personal API token for {login} (shown once; send it as \"Authorization: Bearer …\"):");
                await output.WriteLineAsync(token);
                return 0;
            case "revoke":
                var revoked = await tokens.RevokeAllAsync(account, ct);
                await audit.WriteAsync("cli", "tokens-revoked", details: $"{login}: {revoked}", cancellationToken: ct);
                await output.WriteLineAsync($"{login}: {revoked} token(s) revoked.");
                return 0;
            case "totp":
                await users.ResetAuthenticatorKeyAsync(account);
                var key = await users.GetAuthenticatorKeyAsync(account);
                await users.SetTwoFactorEnabledAsync(account, true);
                await audit.WriteAsync("cli", "totp-enabled", details: login, cancellationToken: ct);
                await output.WriteLineAsync($"Second factor on for {login}. Add this key to an authenticator app (TOTP, 6 digits, 30 s):");
                await output.WriteLineAsync($"otpauth://totp/Assistant:{Uri.EscapeDataString(login)}?secret={key}&issuer=Assistant&digits=6");
                await output.WriteLineAsync(key!);
                return 0;
            default:
                throw new CliUsageException($"Unknown staff sub-command '{action}'.");
        }
    }
}
