using System.Text.RegularExpressions;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using static PilotStatus.Gateway.Abstractions.Errors.ErrorCode;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// The Evolution mapping table, read top to bottom; the first matching row wins. Evolution has no error codes and
/// its HTTP status is unreliable ("Connection Closed" comes as 400 or 500, as a string or as <c>["Error: …"]</c>),
/// so rows match <c>response.message</c> words, whatever the status, or its shape. Shape rows come first so that a
/// recipient's words never read as a marker. Sources: EVO = EvolutionAPI/evolution-api v2.3.6
/// (<c>src/api/integrations/channel/whatsapp/whatsapp.baileys.service.ts</c> unless named), BAI = WhiskeySockets/Baileys
/// 7.0.0-rc; #n = evolution-api issue.
/// </summary>
internal static partial class EvolutionRules
{
    /// <summary>Every row, in the order they are tried.</summary>
    public static IReadOnlyList<EvolutionRule> All { get; } =
    [
        // Shapes: the recipient, and our own request.
        When("evo.exists-false", "response.message (or a whatsappNumbers array) holds an object with exists:false", a => a.HasExistsFalse(), WhatsappNotExist, false, "EVO :2135-2137 throw new BadRequestException(isWA) when !isWA.exists"),
        When("evo.schema-invalid", "response.message is an array of arrays (schema validation)", a => a.HasNestedArrays(), SendFailed, false, "EVO abstract.router.ts dataValidate; validate/message.schema.ts:68; #1657"),

        // The instance's socket is down or busy: it reconnects by itself, so try again later.
        Marker("evo.connection-closed", "Connection Closed", DeliveryTimeout, true, "BAI Socket/socket.ts:138,399,670 Boom('Connection Closed',428); EVO :2393-2395, :716, :3401; #2403, #1398"),
        Marker("evo.connection-terminated", "Connection Terminated", DeliveryTimeout, true, "BAI Socket/socket.ts ws close Boom('Connection Terminated by Server',428)"),
        Marker("evo.timed-out", "Timed Out", DeliveryTimeout, true, "BAI Utils/generics.ts:166 Boom('Timed Out',408)"),
        Marker("evo.not-connected", "is not connected", DeliveryTimeout, true, "EVO instance.controller.ts logout/restartInstance: The \"x\" instance is not connected"),
        Marker("evo.instance-connecting", "reading 'find'", DeliveryTimeout, true, "EVO whatsappNumber verify.find(...) when onWhatsApp returned undefined (connecting)"),

        // The instance is unknown to its server: the same request fails until someone re-creates it.
        Marker("evo.instance-does-not-exist", "instance does not exist", DeliveryTimeout, false, "EVO src/api/guards/instance.guard.ts:36 (404, before auth); #1342, #1378, #1462"),
        Pattern("evo.instance-not-found", InstanceNotFound(), DeliveryTimeout, false, "EVO src/api/services/monitor.service.ts:72 (fetchInstances)"),
        Marker("evo.instance-not-loaded", "reading 'textMessage'", DeliveryTimeout, false, "EVO sendMessage.controller.ts sendText: waMonitor.waInstances[name] is undefined"),

        // The request or the provider failed in a way a retry does not fix.
        Marker("evo.text-required", "Text is required", SendFailed, false, "EVO :2468"),
        Marker("evo.media-upload-failed", "Media upload failed", SendFailed, false, "EVO :2393-2395 catch → BadRequestException(error.toString())"),
        Marker("evo.session-error", "SessionError", SendFailed, false, "EVO :2393-2395; libsignal SessionError; #573"),
        Marker("evo.prisma-error", "PrismaClient", SendFailed, false, "EVO :2393-2395; the message may have been sent (#1247, #978), so never retried"),
        Pattern("evo.no-route", NoRoute(), SendFailed, false, "EVO src/main.ts:110 not-found handler: [`Cannot ${method} ${url}`]"),
        Marker("evo.name-in-use", "is already in use", SendFailed, false, "EVO instance.router.ts create: ForbiddenException (403)"),
        When("evo.unauthorized", "HTTP 401 (missing or wrong apikey)", a => a.Status == 401, SendFailed, false, "EVO src/api/guards/auth.guard.ts:16,50"),
    ];

    /// <summary>The first row that decides <paramref name="answer"/>, or null (the caller's fallback).</summary>
    public static EvolutionRule? Find(EvolutionAnswer answer)
    {
        foreach (var row in All)
            if (row.Matches(answer)) return row;
        return null;
    }

    /// <summary>Every row checked in order against the answer, up to the one that decides it; empty when the body is not JSON.</summary>
    public static IReadOnlyList<RuleCheck> Explain(int? status, string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            var answer = EvolutionAnswer.Read(status, document.RootElement);
            var checks = new List<RuleCheck>();
            foreach (var row in All)
            {
                checks.Add(row.Check(answer));
                if (checks[^1].Matched) break;
            }

            return checks;
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static EvolutionRule Marker(string id, string marker, ErrorCode result, bool retryable, string source) =>
        new(id, $"words contain \"{marker}\"", result, retryable, source) { Marker = marker };

    private static EvolutionRule Pattern(string id, Regex pattern, ErrorCode result, bool retryable, string source) =>
        new(id, $"words match /{pattern}/", result, retryable, source) { Pattern = pattern };

    private static EvolutionRule When(string id, string match, Func<EvolutionAnswer, bool> when, ErrorCode result, bool retryable, string source) =>
        new(id, match, result, retryable, source) { When = when };

    [GeneratedRegex("Instance \".*\" not found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstanceNotFound();

    [GeneratedRegex(@"Cannot (?:GET|POST|PUT|PATCH|DELETE) /", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoRoute();
}
