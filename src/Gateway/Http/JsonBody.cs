using System.Text.Json;
using Microsoft.Extensions.Options;
using PilotStatus.Gateway.Hosting;

namespace PilotStatus.Gateway.Http;

/// <summary>Reads a JSON request body with the size limit; any bad body is a 400 problem, never an exception.</summary>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    /// <summary>The raw body, or null as soon as it grows past <paramref name="limit"/> bytes (read no further).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }

        return buffer.ToArray();
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        if (await ReadLimitedAsync(request, limit, cancellationToken).ConfigureAwait(false) is not { } buffer)
            return (null, Problems.BadRequest($"The body is larger than {limit} bytes."));
        if (buffer.Length == 0) return (null, Problems.BadRequest("The body is empty; a JSON object is expected."));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer, Options);
            return value is null ? (null, Problems.BadRequest("The body is null; a JSON object is expected.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not valid JSON for this request: {ex.Message}"));
        }
    }
}
