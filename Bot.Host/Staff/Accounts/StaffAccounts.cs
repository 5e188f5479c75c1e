using Microsoft.AspNetCore.Identity;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>Creating accounts and setting roles and groups: what `staff add` and the tests do, through Identity's own checks.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>
    /// Creates <paramref name="login"/> with one role and its groups, or, when the login exists, sets its password and role (so
    /// `staff add` also resets a forgotten password) and lifts a lockout: the member locked out by wrong passwords is the one who
    /// asks for the reset. Null <paramref name="groups"/> keep an existing account's groups (a password reset must not take its
    /// queues away); a list, even an empty one, replaces them. Errors are Identity's (password rules, login characters).
    /// </summary>
    public async Task<IReadOnlyList<string>> AddOrUpdateAsync(string login, string role, IReadOnlyList<string>? groups, string password)
    {
        if (!StaffRoles.IsRole(role))
        {
            return [$"Unknown role '{role}': use one of {string.Join(", ", StaffRoles.All)}."];
        }

        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var user = await users.FindByNameAsync(login);
        IdentityResult result;
        if (user is null)
        {
            user = new StaffUser { UserName = login, Groups = StaffGroups.Join(groups ?? []), LockoutEnabled = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            if (groups is not null)
            {
                user.Groups = StaffGroups.Join(groups);
            }

            result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                result = await users.ResetPasswordAsync(user, token, password);
            }

            if (result.Succeeded)
            {
                result = await UnlockAsync(user);
            }

            if (result.Succeeded)
            {
                result = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            }
        }

        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        return result.Succeeded ? [] : [.. result.Errors.Select(e => e.Description)];
    }

    /// <summary>
    /// Lifts a lockout now instead of after Staff:LockoutTime, and forgets the wrong passwords counted so far (otherwise the next
    /// mistyped password would lock the account again at once).
    /// </summary>
    public async Task<IdentityResult> UnlockAsync(StaffUser user)
    {
        // Identity refuses to set a lockout end on an account without lockout; such an account cannot be locked anyway.
        if (user.LockoutEnabled && user.LockoutEnd is not null)
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>Replaces the account's roles and groups (single sign-on: the provider's claims decide on every sign-in).</summary>
    public async Task SetRolesAndGroupsAsync(StaffUser user, IReadOnlyList<string> newRoles, IReadOnlyList<string> groups)
    {
        foreach (var name in newRoles.Where(r => !StaffRoles.All.Contains(r)))
        {
            throw new ArgumentException($"Unknown role '{name}'.", nameof(newRoles));
        }

        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        user.Groups = StaffGroups.Join(groups);
        await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(newRoles));
        await users.AddToRolesAsync(user, newRoles.Except(current));
    }
}
