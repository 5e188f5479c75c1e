using Microsoft.Extensions.Options;

namespace Assistant.Channels.Vk;

/// <summary>Checks the "Vk" section at start, so a half-configured community fails the start instead of the first message.</summary>
public sealed class VkOptionsValidator : IValidateOptions<VkOptions>
{
    public ValidateOptionsResult Validate(string? name, VkOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(VkOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            yield return "Vk:AccessToken is required when the VK channel is on.";
        }

        if (options.GroupId <= 0)
        {
            yield return "Vk:GroupId must be the community's positive id.";
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            yield return "Vk:ApiVersion must name an API version, e.g. 5.199.";
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            yield return "Vk:ApiBaseUrl must be an absolute http(s) address.";
        }

        if (options.Mode == VkMode.Callback && string.IsNullOrWhiteSpace(options.Confirmation))
        {
            yield return "Vk:Confirmation (the string from the community's Callback API settings) is required in callback mode.";
        }

        // Without a secret anyone who finds the address could post events in a citizen's name.
        if (options.Mode == VkMode.Callback && string.IsNullOrWhiteSpace(options.Secret))
        {
            yield return "Vk:Secret (the Callback API secret key) is required in callback mode.";
        }

        if (options.LongPollWait is < 1 or > 90)
        {
            yield return "Vk:LongPollWait must be 1 to 90 seconds.";
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return "Vk:RetryDelay must be more than zero and at most a minute.";
        }

        if (options.MaxRetryAttempts is < 1 or > 10)
        {
            yield return "Vk:MaxRetryAttempts must be 1 to 10.";
        }
    }
}
