using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Assistant.Channels.Vk.Api;

/// <summary>
/// Our one seam to the VK API: <see cref="SendAsync{TResponse}"/> posts a typed request form-encoded to
/// {ApiBaseUrl}/method/{name} with the token and the pinned version, reads {"response": …} or turns {"error": …} into a
/// typed exception (<see cref="VkErrors"/>), and retries transient failures (<see cref="VkResilience"/>).
/// The token travels in the POST body, never in a URL, so no request log can show it.
/// </summary>
public sealed class VkApiClient
{
    /// <summary>The name of the HttpClient the factory configures for API calls (logging handlers removed).</summary>
    public const string HttpClientName = "vk-api";

    private readonly IHttpClientFactory _http;
    private readonly VkOptions _options;
    private readonly Uri _methodBase;
    private readonly ResiliencePipeline _pipeline;

    public VkApiClient(IHttpClientFactory http, IOptions<VkOptions> options, ILogger<VkApiClient> logger)
    {
        _http = http;
        _options = options.Value;
        _methodBase = new Uri(_options.ApiBaseUrl.TrimEnd('/') + "/method/");
        _pipeline = VkResilience.Create(_options, logger);
    }

    /// <summary>Calls the API; a transient failure is retried with the same request, so messages.send keeps its random_id.</summary>
    public async Task<TResponse> SendAsync<TResponse>(VkRequest<TResponse> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(VkResilience.MethodKey, request.Method);
        try
        {
            return await _pipeline.ExecuteAsync(static (context, state) => state.Client.PostOnceAsync(state.Request, context.CancellationToken), context,
                (Client: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<TResponse> PostOnceAsync<TResponse>(VkRequest<TResponse> request, CancellationToken cancellationToken)
    {
        var fields = request.Parameters().Append(new("access_token", _options.AccessToken ?? "")).Append(new("v", _options.ApiVersion));
        using var content = new FormUrlEncodedContent(fields);
        using var client = _http.CreateClient(HttpClientName);
        using var response = await client.PostAsync(new Uri(_methodBase, request.Method), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw VkErrors.FromStatus(request.Method, response.StatusCode);
        }

        JsonDocument document;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw VkErrors.Unreadable(request.Method, "the answer is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                throw VkErrors.FromError(request.Method, error);
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out var result))
            {
                throw VkErrors.Unreadable(request.Method, "the answer has no response");
            }

            try
            {
                return result.Deserialize<TResponse>(VkJson.Options) ?? throw VkErrors.Unreadable(request.Method, "the response is null");
            }
            catch (JsonException)
            {
                throw VkErrors.Unreadable(request.Method, "the response has an unexpected shape");
            }
        }
    }
}
