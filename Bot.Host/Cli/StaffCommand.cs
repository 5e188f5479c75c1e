using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// `staff add|token|revoke|totp|unlock|list`: accounts from the command line, so the first admin needs no default password. The
/// password is read from stdin (one line), never from an argument that shell history or `ps` would keep.
/// </summary>
public static class StaffCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> buildServices, TextReader input, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        if (StaffCommandLine.IsHelp(args))
        {
            await output.WriteAsync(StaffCommandLine.Usage);
            return 0;
        }

        // Checked before the accounts are opened, so a misspelt word (--gropus) changes nothing.
        StaffCommandLine command;
        try
        {
            command = StaffCommandLine.Parse(args);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteAsync(StaffCommandLine.Usage);
            return 2;
        }

        var services = buildServices();
        await using (var db = await services.GetRequiredService<IDbContextFactory<StaffDbContext>>().CreateDbContextAsync(ct))
        {
            await StaffDatabase.EnsureSchemaAsync(db, ct);
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        if (command.Action == "list")
        {
            foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(ct))
            {
                var roles = await users.GetRolesAsync(user);
                await output.WriteLineAsync($"{user.UserName}\t{string.Join(",", roles)}\t{user.Groups}\t{(user.TwoFactorEnabled ? "2fa" : "-")}");
            }

            await audit.WriteAsync(CliVerbs.Actor, "accounts-read", cancellationToken: CancellationToken.None);
            return 0;
        }

        var login = command.Login!;
        if (command.Action == "add")
        {
            return await AddAsync(command, scope.ServiceProvider, input, output, error, ct);
        }

        if (await users.FindByNameAsync(login) is not { } account)
        {
            await error.WriteLineAsync($"No account '{login}'.");
            return 1;
        }

        var tokens = scope.ServiceProvider.GetRequiredService<StaffTokens>();
        switch (command.Action)
        {
            case "token":
                var token = await tokens.IssueAsync(account, ct);
                await audit.WriteAsync(CliVerbs.Actor, "token-issued", details: login, cancellationToken: ct);
                await output.WriteLineAsync($"A personal API token for {login} (shown once; send it as \"Authorization: Bearer …\"):");
                await output.WriteLineAsync(token);
                return 0;
            case "revoke":
                var revoked = await tokens.RevokeAllAsync(account, ct);
                await audit.WriteAsync(CliVerbs.Actor, "tokens-revoked", details: $"{login}: {revoked}", cancellationToken: ct);
                await output.WriteLineAsync($"{login}: {revoked} token(s) revoked.");
                return 0;
            case "totp":
                await users.ResetAuthenticatorKeyAsync(account);
                var key = await users.GetAuthenticatorKeyAsync(account);
                await users.SetTwoFactorEnabledAsync(account, true);
                await audit.WriteAsync(CliVerbs.Actor, "totp-enabled", details: login, cancellationToken: ct);
                await output.WriteLineAsync($"Second factor on for {login}. Add this key to an authenticator app (TOTP, 6 digits, 30 s):");
                await output.WriteLineAsync($"otpauth://totp/Assistant:{Uri.EscapeDataString(login)}?secret={key}&issuer=Assistant&digits=6");
                await output.WriteLineAsync(key!);
                return 0;
            case "unlock":
                return await UnlockAsync(account, scope.ServiceProvider, output, error, ct);
            default:
                // StaffCommandLine.Parse lets through only the sub-commands handled above.
                throw new InvalidOperationException($"staff {command.Action} is parsed but not handled.");
        }
    }

    private static async Task<int> AddAsync(StaffCommandLine command, IServiceProvider services, TextReader input, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        var password = await input.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password on stdin: pipe it in, e.g. `read -s P; echo \"$P\" | dotnet run --project Bot.Host -- staff add …`.");
            return 1;
        }

        var login = command.Login!;
        var errors = await services.GetRequiredService<StaffAccounts>().AddOrUpdateAsync(login, command.Role!, command.Groups, password);
        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync(message);
            }

            return 1;
        }

        // The groups the account has now: the ones given, or, without --groups, the ones it kept.
        var saved = await services.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(login);
        var groups = saved?.GroupList ?? [];
        await services.GetRequiredService<AuditLog>().WriteAsync(CliVerbs.Actor, "account-saved", details: $"{login} as {command.Role}", cancellationToken: ct);
        await output.WriteLineAsync($"{login}: {command.Role}{(groups.Count > 0 ? ", groups " + StaffGroups.Join(groups) : string.Empty)}");
        return 0;
    }

    private static async Task<int> UnlockAsync(StaffUser account, IServiceProvider services, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        var wasLocked = account.LockoutEnd is { } end && end > services.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = await services.GetRequiredService<StaffAccounts>().UnlockAsync(account);
        if (!result.Succeeded)
        {
            foreach (var failure in result.Errors)
            {
                await error.WriteLineAsync(failure.Description);
            }

            return 1;
        }

        await services.GetRequiredService<AuditLog>().WriteAsync(CliVerbs.Actor, "account-unlocked", details: account.UserName, cancellationToken: ct);
        await output.WriteLineAsync(wasLocked
            ? $"{account.UserName}: unlocked, the wrong-password count is reset; the password is unchanged."
            : $"{account.UserName} was not locked; the wrong-password count is reset.");
        return 0;
    }
}
