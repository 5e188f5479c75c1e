namespace Assistant.Bot.Host;

/// <summary>
/// A setting the host cannot start with, found while the host is being built: the message names the setting and says what is
/// wrong (never a secret's value). The program prints it and exits instead of crashing with a stack trace.
/// </summary>
public sealed class SettingException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
