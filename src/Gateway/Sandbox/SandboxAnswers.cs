using PilotStatus.Gateway.Fixtures;
using WireMock.ResponseBuilders;
using WireMock.Types;
using static PilotStatus.Gateway.Sandbox.SandboxTemplates;

namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// A double's answer: the recorded fixture's status, headers and body, exactly; only an accepting send answer gets
/// this send's own message id (and destination) in place of the recorded one, so its callbacks can name it.
/// </summary>
internal static class SandboxAnswers
{
    /// <summary>The response WireMock gives for <paramref name="fixture"/>.</summary>
    public static IResponseBuilder Of(FixtureFile fixture)
    {
        var response = Response.Create().WithStatusCode(fixture.ResponseStatus ?? 200);
        foreach (var (name, value) in fixture.ResponseHeaders ?? new Dictionary<string, string>()) response = response.WithHeader(name, value);
        return Accepting(fixture) is { } templated
            ? response.WithBody(templated.ToString()).WithTransformer(TransformerType.Scriban)
            : response.WithBody(fixture.ResponseBody ?? "");
    }

    // The accepting shapes: Meta's messages[0].id (the wamid), Evolution's key.id (Baileys' message id).
    private static TemplatedJson? Accepting(FixtureFile fixture)
    {
        if (fixture.ResponseStatus is not (>= 200 and < 300) || TemplatedJson.TryParse(fixture.ResponseBody, fixture.Name) is not { } json) return null;
        if (fixture.Provider == "meta" && json.Find("messages", 0) is { } message && message["id"] is not null)
        {
            json.Set(message, "id", FreshWamid);
            if (json.Find("contacts", 0) is { } contact)
            {
                json.Set(contact, "input", FromRequest("to"));
                json.Set(contact, "wa_id", FromRequest("to"));
            }

            return json;
        }

        if (fixture.Provider == "baileys" && json.Find("key") is { } key && key["id"] is not null)
        {
            json.Set(key, "id", FreshEvolutionKeyId);
            json.Set(key, "remoteJid", FromRequest("number") + "@s.whatsapp.net");
            return json;
        }

        return null;
    }
}
