namespace Assistant.Channels.Vk.Api;

/// <summary>
/// One VK API call: the method name, its parameters as VK names them, and the type of its "response". The client adds the
/// token and the version; a retry sends the same request again, parameters and all.
/// </summary>
public abstract record VkRequest<TResponse>
{
    /// <summary>The API method, e.g. messages.send.</summary>
    public abstract string Method { get; }

    /// <summary>The form fields of the call, without access_token and v.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Parameters();
}
