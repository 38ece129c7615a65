using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using PilotStatus.Gateway.Fixtures;
using PilotStatus.Gateway.Sandbox;
using PilotStatus.Gateway.Webhooks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>
/// The sandbox doubles' callbacks as the gateway receives them (a WireMock server stands in for it): each carries the
/// id its send was answered with, Meta's are signed over the exact bytes sent, Evolution's carry the instance apikey.
/// </summary>
public sealed class SandboxCallbackTests : IDisposable
{
    private readonly WireMockServer gateway = WireMockServer.Start();
    private readonly SandboxDoubles doubles;
    private readonly HttpClient http = new();

    public SandboxCallbackTests()
    {
        gateway.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        doubles = new SandboxDoubles(FixtureCatalog.FindRoot()!, new Uri(gateway.Url!));
    }

    [Fact]
    public async Task MetaSend_Accepted_IsCalledBackSignedWithItsOwnWamidAndCallbackData()
    {
        var first = await SendMeta("msg_sandbox_one");
        var second = await SendMeta("msg_sandbox_two");
        second.ShouldNotBe(first); // a fresh wamid per send, as Meta's

        var callbacks = await Received("/webhooks/meta", 4);
        foreach (var callback in callbacks)
        {
            var signature = callback.Headers!["X-Hub-Signature-256"].Single();
            var expected = MetaSignature.Of(callback.BodyAsBytes!, SandboxScenarios.MetaAppSecret);
            signature.ShouldBe(expected);
        }

        var statuses = callbacks.Select(c => JsonDocument.Parse(c.Body!).RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value"))
            .Select(v => (Metadata: v.GetProperty("metadata"), Status: v.GetProperty("statuses")[0])).ToList();
        statuses.Select(s => s.Status.GetProperty("status").GetString()).Order().ShouldBe(["delivered", "delivered", "sent", "sent"]);
        statuses.Select(s => (s.Status.GetProperty("id").GetString(), s.Status.GetProperty("biz_opaque_callback_data").GetString())).Distinct()
            .ShouldBe([(first, "msg_sandbox_one"), (second, "msg_sandbox_two")], ignoreOrder: true);
        statuses.ShouldAllBe(s => s.Status.GetProperty("recipient_id").GetString() == "5511900000001"
            && s.Metadata.GetProperty("phone_number_id").GetString() == SandboxScenarios.MetaPhoneNumberId);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        statuses.ShouldAllBe(s => Math.Abs(long.Parse(s.Status.GetProperty("timestamp").GetString()!) - now) < 60);
    }

    [Fact]
    public async Task EvolutionSend_Accepted_IsCalledBackWithItsKeyIdAndTheInstanceApiKey()
    {
        using var response = await http.PostAsJsonAsync($"{doubles.Url}/message/sendText/{SandboxScenarios.BaileysInstance}",
            new { number = "5511900000011", text = "Olá" }, TestContext.Current.CancellationToken);
        var key = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("key");
        key.GetProperty("remoteJid").GetString().ShouldBe("5511900000011@s.whatsapp.net");

        var callbacks = await Received($"/webhooks/baileys/{SandboxScenarios.BaileysConnectionId}", 2);
        var bodies = callbacks.Select(c => JsonDocument.Parse(c.Body!).RootElement).ToList();
        bodies.Select(b => b.GetProperty("data").GetProperty("status").GetString()).Order().ShouldBe(["DELIVERY_ACK", "SERVER_ACK"]);
        bodies.ShouldAllBe(b => b.GetProperty("event").GetString() == "messages.update"
            && b.GetProperty("apikey").GetString() == SandboxScenarios.EvolutionApiKey
            && b.GetProperty("instance").GetString() == SandboxScenarios.BaileysInstance
            && b.GetProperty("data").GetProperty("keyId").GetString() == key.GetProperty("id").GetString()
            && b.GetProperty("data").GetProperty("remoteJid").GetString() == "5511900000011@s.whatsapp.net");
        bodies.ShouldAllBe(b => Math.Abs((DateTimeOffset.Parse(b.GetProperty("date_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow).TotalSeconds) < 60);
    }

    public void Dispose()
    {
        http.Dispose();
        doubles.Dispose();
        gateway.Stop();
        gateway.Dispose();
    }

    // Sends to the "delivered" scenario's number, as the gateway's Meta client would; answers the wamid.
    private async Task<string> SendMeta(string messageId)
    {
        using var response = await http.PostAsJsonAsync($"{doubles.Url}/v23.0/{SandboxScenarios.MetaPhoneNumberId}/messages",
            new { messaging_product = "whatsapp", to = "5511900000001", type = "text", text = new { body = "Hello" }, biz_opaque_callback_data = messageId },
            TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("messages")[0].GetProperty("id").GetString()!;
    }

    // The callbacks to a path, once that many arrived (they come a second or two after the answers).
    private async Task<IReadOnlyList<IRequestMessage>> Received(string path, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            var received = gateway.LogEntries.Select(e => e.RequestMessage).OfType<IRequestMessage>().Where(r => r.Path == path).ToList();
            if (received.Count >= count) return received;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"fewer than {count} callbacks to {path} within 30 s");
    }
}
