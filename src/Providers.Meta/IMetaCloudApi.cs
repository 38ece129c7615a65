using PilotStatus.Gateway.Providers.Meta.Models;
using Refit;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>
/// The Graph API calls the gateway makes. Every method returns the raw body as text inside
/// <see cref="IApiResponse{T}"/> so that Refit never throws for a provider's answer and the mapper reads the
/// exact bytes Meta sent. The token is per connection, so it is a parameter, never configuration.
/// </summary>
internal interface IMetaCloudApi
{
    /// <summary>Sends a text or template message from one business phone number.</summary>
    [Post("/{version}/{phoneNumberId}/messages")]
    Task<IApiResponse<string>> SendMessageAsync(
        string version,
        string phoneNumberId,
        [Body(buffered: true)] MetaSendBody body,
        [Authorize("Bearer")] string systemToken,
        CancellationToken cancellationToken);

    /// <summary>Reads the WhatsApp Business Account: the "can I see this WABA?" probe of Sync with Meta.</summary>
    [Get("/{version}/{wabaId}")]
    Task<IApiResponse<string>> GetWabaAsync(
        string version,
        string wabaId,
        [Authorize("Bearer")] string systemToken,
        CancellationToken cancellationToken);

    /// <summary>Reads one page of the WABA's message templates.</summary>
    [Get("/{version}/{wabaId}/message_templates")]
    Task<IApiResponse<string>> GetTemplatesAsync(
        string version,
        string wabaId,
        [AliasAs("fields")] string fields,
        [AliasAs("limit")] int limit,
        [AliasAs("after")] string? after,
        [Authorize("Bearer")] string systemToken,
        CancellationToken cancellationToken);

    /// <summary>Reads the WABA's phone numbers.</summary>
    [Get("/{version}/{wabaId}/phone_numbers")]
    Task<IApiResponse<string>> GetPhoneNumbersAsync(
        string version,
        string wabaId,
        [Authorize("Bearer")] string systemToken,
        CancellationToken cancellationToken);
}
