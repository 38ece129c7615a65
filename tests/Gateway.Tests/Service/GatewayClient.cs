using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>The calls the tests make, as the send pipeline and an admin would make them.</summary>
internal sealed class GatewayClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> Admin(HttpMethod method, string path, object? body = null, string token = GatewayFactory.AdminToken) =>
        Send(method, path, body, token);

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string? bearer)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is string raw) request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<string> CreateMetaConnection(string number, bool templateOnly = false)
    {
        var response = await Admin(HttpMethod.Post, "/v1/connections", new { provider = "meta", number, phoneNumberId = "106540352242922", wabaId = "102290129340398", systemToken = "EAAG-system-token-secret", templateOnly });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    public async Task<string> CreateApiKey(string connectionId)
    {
        var response = await Admin(HttpMethod.Post, "/v1/api-keys", new { connectionId });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        return (await Json(response)).GetProperty("key").GetString()!;
    }

    public async Task<JsonElement> SendMessage(string apiKey, object body)
    {
        var response = await Send(HttpMethod.Post, "/v1/messages", body, apiKey);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
