using System.Text;
using PilotStatus.Gateway.Fixtures;
using WireMock.Models;
using WireMock.Types;
using WireMock.Util;
using static PilotStatus.Gateway.Sandbox.SandboxTemplates;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The webhooks the doubles send back to the gateway, built from the recorded webhook fixtures (their body as Meta
/// or Evolution sends it) with this send's ids in place. Meta's are signed (<see cref="SandboxCallbackSigner"/>);
/// Evolution's carry the instance's apikey in the body, as Evolution does.
/// </summary>
internal sealed class SandboxCallbacks(string fixturesRoot, Uri gateway, string doublesUrl)
{
    /// <summary>A Meta status webhook for a send to the phone-number-id <paramref name="phoneNumberId"/> of <paramref name="number"/>.</summary>
    public IWebhook Meta(SandboxCallback callback, string phoneNumberId, string number)
    {
        var json = Body(callback);
        var entry = json.At("entry", 0);
        entry["id"] = SandboxScenarios.MetaWabaId;
        var metadata = json.At("entry", 0, "changes", 0, "value", "metadata");
        metadata["display_phone_number"] = number.TrimStart('+');
        metadata["phone_number_id"] = phoneNumberId;
        var status = json.At("entry", 0, "changes", 0, "value", "statuses", 0);
        json.Set(status, "id", FromAnswer("messages.0.id"));
        json.Set(status, "recipient_id", FromRequest("to"));
        json.Set(status, "timestamp", UnixTime(callback.After));
        // Meta echoes the send's biz_opaque_callback_data (the gateway's message id) on every status.
        json.Set(status, "biz_opaque_callback_data", FromRequest("biz_opaque_callback_data"));
        return Webhook(new Uri(gateway, "/webhooks/meta"), json, callback.After, signed: true);
    }

    /// <summary>An Evolution <c>messages.update</c> for a send on the sandbox instance.</summary>
    public IWebhook Evolution(SandboxCallback callback)
    {
        var url = new Uri(gateway, $"/webhooks/baileys/{SandboxScenarios.BaileysConnectionId}");
        var json = Body(callback);
        var root = json.At();
        root["instance"] = SandboxScenarios.BaileysInstance;
        root["destination"] = url.ToString();
        root["sender"] = SandboxScenarios.BaileysNumber.TrimStart('+') + "@s.whatsapp.net";
        root["server_url"] = doublesUrl;
        root["apikey"] = SandboxScenarios.EvolutionApiKey;
        json.Set(root, "date_time", IsoTime(callback.After));
        var data = json.At("data");
        json.Set(data, "keyId", FromAnswer("key.id"));
        json.Set(data, "remoteJid", FromAnswer("key.remoteJid"));
        if (data.ContainsKey("participant")) json.Set(data, "participant", FromAnswer("key.remoteJid"));
        return Webhook(url, json, callback.After, signed: false);
    }

    private TemplatedJson Body(SandboxCallback callback)
    {
        var fixture = FixtureCatalog.Read(fixturesRoot, Path.Combine(fixturesRoot, callback.Fixture));
        return TemplatedJson.TryParse(fixture.BodyPattern, fixture.Name)
            ?? throw new InvalidOperationException($"{callback.Fixture} holds no webhook body ({fixture.Problem ?? "no request body pattern"})");
    }

    private static Webhook Webhook(Uri url, TemplatedJson body, TimeSpan after, bool signed)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
        if (signed) headers[SandboxCallbackSigner.Header] = new("");
        return new Webhook
        {
            Request = new WebhookRequest
            {
                Url = url.ToString(),
                Method = "POST",
                Headers = headers,
                BodyData = new BodyData
                {
                    BodyAsString = body.ToString(), Encoding = Encoding.UTF8, DetectedBodyType = BodyType.String, DetectedBodyTypeFromContentType = BodyType.String,
                },
                UseTransformer = true,
                TransformerType = TransformerType.Scriban,
                Delay = (int)after.TotalMilliseconds,
            },
        };
    }
}
