using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using static PilotStatus.Gateway.Abstractions.Errors.ErrorCode;
using static PilotStatus.Gateway.Providers.Meta.Mapping.MetaPath;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// The Meta mapping table, read top to bottom: Meta <c>error.code</c> (+ subcode, + details only where Meta gives
/// nothing else) → code. Keyed on codes because Meta says to "build your app's error handling around error codes
/// instead of subcodes or HTTP response status codes" and that titles change. Within one code, the first matching
/// row wins, so conditional rows stand above the plain row of their code.
/// Sources: S1 = Meta "Error codes" (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes);
/// S2 = Meta "About the platform" (throughput, pair limits); OnPrem = the On-Premises API's codes (nyaruka/courier
/// handlers/whatsapp/whatsapp_test.go); courier = nyaruka/courier handlers/meta/whatsapp/api.go.
/// </summary>
internal static partial class MetaRules
{
    /// <summary>Every row, in the order they are tried.</summary>
    public static IReadOnlyList<MetaRule> All { get; } =
    [
        // Authentication and permissions: the System Token must be replaced or granted more.
        R("meta.0", 0, MetaPath.All, MetaTokenInvalid, false, "S1: 0 AuthException, token expired or invalidated; courier error_errors.json (webhook value.errors)"),
        R("meta.3", 3, MetaPath.All, MetaTokenInvalid, false, "S1: 3 API Method, the token lacks the capability"),
        R("meta.10", 10, MetaPath.All, MetaTokenInvalid, false, "S1: 10 Permission not granted or removed (whatsapp_business_messaging)"),
        R("meta.190", 190, MetaPath.All, MetaTokenInvalid, false, "S1: 190 Access token expired; Graph error handling: subcodes 458/460/463/467 all mean the token is unusable"),
        R("meta.200-299", 200, MetaPath.All, MetaTokenInvalid, false, "S1: 200-299 API permission not granted or removed") with { CodeTo = 299 },
        R("meta.131005", 131005, MetaPath.All, MetaTokenInvalid, false, "S1: 131005 Access denied"),
        R("meta.1005", 1005, MetaPath.All, MetaTokenInvalid, false, "OnPrem: 1005 Access denied / invalid credentials"),

        // Throughput and quality limits: wait and try again.
        R("meta.4", 4, MetaPath.All, MetaRateLimited, true, "S1: 4 App reached its API call rate limit (is_transient)"),
        R("meta.613", 613, MetaPath.All, MetaRateLimited, true, "S1: 613 Calls to this API exceeded the rate limit (courier fixture)"),
        R("meta.80007", 80007, MetaPath.All, MetaRateLimited, true, "S1: 80007 WABA reached its rate limit"),
        R("meta.130429", 130429, MetaPath.All, MetaRateLimited, true, "S1: 130429 Rate limit hit (Cloud API throughput); S2 80 mps default"),
        R("meta.131048", 131048, MetaPath.All, MetaRateLimited, true, "S1: 131048 Spam rate limit hit; courier WACThrottlingErrorCodes"),
        R("meta.131049", 131049, MetaPath.All, MetaRateLimited, true, "S1: 131049 not delivered to maintain healthy ecosystem engagement (per-user marketing cap, retry after 24 h)"),
        R("meta.131056", 131056, MetaPath.All, MetaRateLimited, true, "S1: 131056 (Business, Consumer) pair rate limit hit; S2 retry after 4^X s"),
        R("meta.131064", 131064, MetaPath.All, MetaRateLimited, true, "S1: 131064 messaging limit reached due to template classification violations (pywa throttling group)"),
        R("meta.132069", 132069, MetaPath.All, MetaRateLimited, true, "S1: 132069 Flow throttled (10 messages/h)"),
        R("meta.133016", 133016, MetaPath.All, MetaRateLimited, true, "S1: 133016 register/deregister rate limit; courier WACThrottlingErrorCodes"),

        // The recipient: not on WhatsApp, or not a valid destination.
        R("meta.131026", 131026, MetaPath.All, WhatsappNotExist, false, "S1: 131026 Message undeliverable (not a WhatsApp number, ToS not accepted, old client); restfb#1344"),
        R("meta.1006", 1006, MetaPath.All, WhatsappNotExist, false, "OnPrem: 1006 Resource not found, details \"unknown contact\""),
        R("meta.1013", 1013, MetaPath.All, WhatsappNotExist, false, "OnPrem: 1013 User is not valid (Twilio 63003)"),
        R("meta.131021", 131021, MetaPath.All, InvalidDestination, false, "S1: 131021 Recipient cannot be sender"),
        R("meta.100.destination", 100, Send | Webhook, InvalidDestination, false, "S1: 100 Invalid parameter; details name the `to` parameter or phone number (Net#31: 00 prefix rejected)")
            with { When = (e, _) => NamesDestination(e), WhenText = "details name the recipient (`to`, phone number, wa_id)" },
        R("meta.131009.destination", 131009, Send | Webhook, InvalidDestination, false, "S1: 131009 Parameter value is not valid; details name the phone number")
            with { When = (e, _) => NamesDestination(e), WhenText = "details name the recipient (`to`, phone number, wa_id)" },

        // The 24 h customer-service window. Meta has no code of its own for "never talked": 131047/470 with no
        // inbound message ever known from the contact is that case (reference: mapper-context rule).
        R("meta.131047.no-conversation", 131047, MetaPath.All, MetaNoConversation, false, "S1: 131047 Re-engagement message; no inbound message from the contact is known")
            with { When = (_, h) => h == InboundHistory.None, WhenText = "no inbound message from the contact is known" },
        R("meta.131047", 131047, MetaPath.All, MetaOutside24hWindow, false, "S1: 131047 Re-engagement message: more than 24 h since the customer last replied"),
        R("meta.470.no-conversation", 470, MetaPath.All, MetaNoConversation, false, "OnPrem: 470 outside the support window; no inbound message from the contact is known")
            with { When = (_, h) => h == InboundHistory.None, WhenText = "no inbound message from the contact is known" },
        R("meta.470", 470, MetaPath.All, MetaOutside24hWindow, false, "OnPrem: 470 Message failed to send because more than 24 hours have passed since the customer last replied"),

        // Free-form text where this sender takes templates only (not the window case).
        R("meta.100.template-only", 100, Send | Webhook, FreeFormNotSupported, false, "S1: 100 with details \"Message must be a template message\"")
            with { When = (e, _) => DemandsTemplate(e), WhenText = "details say only template messages are allowed" },
        R("meta.131055", 131055, MetaPath.All, FreeFormNotSupported, false, "S1 (Marketing Messages API table): 131055 Method not allowed, only marketing templates may be sent"),

        // Templates unusable at Meta.
        R("meta.132001", 132001, MetaPath.All, MetaTemplateNotApproved, false, "S1: 132001 Template does not exist in that language or is not approved; tawn33y#57"),
        R("meta.132007", 132007, MetaPath.All, MetaTemplateNotApproved, false, "S1: 132007 Template content violates a WhatsApp policy"),
        R("meta.132015", 132015, MetaPath.All, MetaTemplateNotApproved, false, "S1: 132015 Template is paused (low quality)"),
        R("meta.132016", 132016, MetaPath.All, MetaTemplateNotApproved, false, "S1: 132016 Template is disabled permanently"),

        // Sync with Meta: the WABA id is wrong or not assigned to the system user.
        R("meta.100.33.graph", 100, Graph, MetaWabaNotAccessible, false, "S1/Graph: 100/33 Unsupported get request. Object with ID does not exist, cannot be loaded due to missing permissions") with { Subcode = 33 },
        R("meta.100.nonexisting-field.graph", 100, Graph, MetaWabaNotAccessible, false, "Graph: 100 Tried accessing nonexisting field (message_templates) on node type (Business) (Pipedream#9004, rapidpro#1545)")
            with { When = (e, _) => NamesNonexistingField(e), WhenText = "message says \"nonexisting field\" (the id is not a WABA)" },
        R("meta.33.graph", 33, Graph, MetaWabaNotAccessible, false, "S1: 33 The business phone number has been deleted / object does not exist"),

        // Transient platform trouble: Meta's own generic code, retryable.
        R("meta.1", 1, MetaPath.All, MetaSendFailed, true, "S1: 1 API Unknown: invalid request or possible server error (retry once)"),
        R("meta.2", 2, MetaPath.All, MetaSendFailed, true, "S1: 2 API Service: temporary downtime or overload"),
        R("meta.131000", 131000, MetaPath.All, MetaSendFailed, true, "S1: 131000 Something went wrong (retry once)"),
        R("meta.131016", 131016, MetaPath.All, MetaSendFailed, true, "S1: 131016 Service temporarily unavailable"),
        R("meta.131053", 131053, MetaPath.All, MetaSendFailed, true, "S1: 131053 Media upload error; courier retries it"),
        R("meta.131057", 131057, MetaPath.All, MetaSendFailed, true, "S1: 131057 Business account in maintenance mode (throughput upgrade)"),
        R("meta.133004", 133004, MetaPath.All, MetaSendFailed, true, "S1: 133004 Server temporarily unavailable"),
        R("meta.133015", 133015, MetaPath.All, MetaSendFailed, true, "S1: 133015 Number recently deleted, wait 5 minutes"),
        R("meta.134101", 134101, MetaPath.All, MetaSendFailed, true, "S1 (MM API): 134101 template still syncing, wait 10 minutes"),
        R("meta.2494100", 2494100, MetaPath.All, MetaSendFailed, true, "S1: 2494100 number in maintenance mode, retry in minutes"),

        // Documented permanent failures with no more specific code: Meta's fallback, but named.
        R("meta.33", 33, Send | Webhook, MetaSendFailed, false, "S1: 33 The business phone number has been deleted"),
        R("meta.100", 100, MetaPath.All, MetaSendFailed, false, "S1: 100 Invalid parameter (botpress/messaging#676); on send, 100/33 is a wrong phone-number-id"),
        R("meta.368", 368, MetaPath.All, MetaSendFailed, false, "S1: 368 Temporarily blocked for policy violations"),
        R("meta.130403", 130403, MetaPath.All, MetaSendFailed, false, "S1: 130403 Business has blocked this user"),
        R("meta.130472", 130472, MetaPath.All, MetaSendFailed, false, "S1: 130472 User's number is part of an experiment"),
        R("meta.130497", 130497, MetaPath.All, MetaSendFailed, false, "S1: 130497 Business account restricted from messaging users in this country"),
        R("meta.131008", 131008, MetaPath.All, MetaSendFailed, false, "S1: 131008 Required parameter is missing (whatomate#501)"),
        R("meta.131009", 131009, MetaPath.All, MetaSendFailed, false, "S1: 131009 Parameter value is not valid"),
        R("meta.131030", 131030, MetaPath.All, MetaSendFailed, false, "S1: 131030 Recipient phone number not in allowed list (test number)"),
        R("meta.131031", 131031, MetaPath.All, MetaSendFailed, false, "S1: 131031 Business account has been locked"),
        R("meta.131037", 131037, MetaPath.All, MetaSendFailed, false, "S1: 131037 WhatsApp provided number needs display name approval"),
        R("meta.131042", 131042, MetaPath.All, MetaSendFailed, false, "S1: 131042 Business eligibility payment issue"),
        R("meta.131045", 131045, MetaPath.All, MetaSendFailed, false, "S1: 131045 Incorrect certificate (number not registered)"),
        R("meta.131050", 131050, MetaPath.All, MetaSendFailed, false, "S1: 131050 User has stopped marketing messages"),
        R("meta.131051", 131051, MetaPath.All, MetaSendFailed, false, "S1: 131051 Unsupported message type (a send result only on statuses; inbound ones are ignored)"),
        R("meta.132000", 132000, MetaPath.All, MetaSendFailed, false, "S1: 132000 Template parameter count mismatch"),
        R("meta.132005", 132005, MetaPath.All, MetaSendFailed, false, "S1: 132005 Template hydrated text too long"),
        R("meta.132008", 132008, MetaPath.All, MetaSendFailed, false, "S1: 132008 Template parameter format mismatch (pywa)"),
        R("meta.132012", 132012, MetaPath.All, MetaSendFailed, false, "S1: 132012 Template parameter format mismatch"),
        R("meta.132018", 132018, MetaPath.All, MetaSendFailed, false, "S1 (MM API): 132018 template parameter validation error"),
        R("meta.132068", 132068, MetaPath.All, MetaSendFailed, false, "S1: 132068 Flow is in blocked state"),
        R("meta.133000", 133000, MetaPath.All, MetaSendFailed, false, "S1: 133000 Incomplete deregistration"),
        R("meta.133005", 133005, MetaPath.All, MetaSendFailed, false, "S1: 133005 Two-step verification PIN mismatch"),
        R("meta.133006", 133006, MetaPath.All, MetaSendFailed, false, "S1: 133006 Phone number needs to be verified before registering"),
        R("meta.133008", 133008, MetaPath.All, MetaSendFailed, false, "S1: 133008 Too many two-step verification PIN guesses"),
        R("meta.133009", 133009, MetaPath.All, MetaSendFailed, false, "S1: 133009 Two-step verification PIN guessed too fast"),
        R("meta.133010", 133010, MetaPath.All, MetaSendFailed, false, "S1: 133010 Phone number not registered on the Cloud API (our sender, not the destination)"),
        R("meta.134011", 134011, MetaPath.All, MetaSendFailed, false, "S1: 134011 WhatsApp Payments terms of service not accepted"),
        R("meta.134100", 134100, MetaPath.All, MetaSendFailed, false, "S1 (MM API): 134100 marketing messages only"),
        R("meta.134102", 134102, MetaPath.All, MetaSendFailed, false, "S1 (MM API): 134102 template unavailable"),
        R("meta.135000", 135000, MetaPath.All, MetaSendFailed, false, "S1: 135000 Generic user error"),
        R("meta.137000", 137000, MetaPath.All, MetaSendFailed, false, "S1: 137000 Identity key hash mismatch (pywa)"),
    ];

    private static readonly FrozenDictionary<int, MetaRule[]> ByCode = All
        .Where(r => r.CodeTo is null)
        .GroupBy(r => r.Code)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private static readonly MetaRule[] Ranges = All.Where(r => r.CodeTo is not null).ToArray();

    /// <summary>The first row that decides <paramref name="error"/> on <paramref name="path"/>, or null (the caller's fallback).</summary>
    public static MetaRule? Find(MetaError error, MetaPath path, InboundHistory history)
    {
        if (error.Code is not int code) return null;
        if (ByCode.TryGetValue(code, out var rows))
        {
            foreach (var row in rows)
                if (row.Matches(error, path, history)) return row;
        }

        foreach (var row in Ranges)
            if (code >= row.Code && code <= row.CodeTo && row.Matches(error, path, history)) return row;
        return null;
    }

    /// <summary>The rows of <paramref name="error"/>'s code, in order, each checked, up to the one that decides it.</summary>
    public static IReadOnlyList<RuleCheck> Explain(MetaError error, MetaPath path, InboundHistory history)
    {
        if (error.Code is not int code) return [];
        var rows = ByCode.TryGetValue(code, out var exact) ? exact : Ranges.Where(r => code >= r.Code && code <= r.CodeTo).ToArray();
        var checks = new List<RuleCheck>();
        foreach (var row in rows)
        {
            checks.Add(row.Check(error, path, history));
            if (checks[^1].Matched) break;
        }

        return checks;
    }

    private static MetaRule R(string id, int code, MetaPath paths, ErrorCode result, bool retryable, string source) =>
        new(id, code, paths, result, retryable, source);

    private static bool NamesDestination(MetaError e) => DestinationWords().IsMatch(e.Details ?? "") || DestinationWords().IsMatch(e.Message ?? "");

    private static bool DemandsTemplate(MetaError e) => TemplateOnlyWords().IsMatch(e.Details ?? "") || TemplateOnlyWords().IsMatch(e.Message ?? "");

    private static bool NamesNonexistingField(MetaError e) =>
        (e.Message ?? "").Contains("nonexisting field", StringComparison.OrdinalIgnoreCase)
        || (e.Details ?? "").Contains("nonexisting field", StringComparison.OrdinalIgnoreCase);

    // "to" alone is too common a word; only its forms as a parameter name count.
    [GeneratedRegex(@"\brecipient\b|\bphone[ _-]?number\b|\bwa_?id\b|\bwhatsapp id\b|\bparam(?:eter)?\s*[""'(]?to\b|[""'(]to[""')]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DestinationWords();

    [GeneratedRegex(@"must be a template|only (?:approved |marketing )?template|template messages? only|free[- ]form (?:text |messages? )?(?:is |are )?not (?:allowed|supported)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TemplateOnlyWords();
}
