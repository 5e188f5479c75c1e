using Assistant.Channels.Vk;

namespace Assistant.Channels.Tests.Vk;

public sealed class VkOptionsValidatorTests
{
    [Fact]
    public void Callback_mode_needs_the_confirmation_string_and_the_secret()
    {
        var errors = VkOptionsValidator.Errors(new VkOptions { AccessToken = "t", GroupId = 1, Mode = VkMode.Callback }).ToList();

        Assert.Contains(errors, e => e.Contains("Vk:Confirmation", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Vk:Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_poll_mode_needs_only_the_token_and_the_community()
    {
        Assert.Empty(VkOptionsValidator.Errors(new VkOptions { AccessToken = "t", GroupId = 1, Mode = VkMode.LongPoll }));
        Assert.Contains(VkOptionsValidator.Errors(new VkOptions { AccessToken = "t", Mode = VkMode.LongPoll }), e => e.Contains("Vk:GroupId", StringComparison.Ordinal));
    }
}
