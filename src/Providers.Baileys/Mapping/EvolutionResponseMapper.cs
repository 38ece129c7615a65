using System.Globalization;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// Turns Evolution API answers into outcomes: <c>(status, body) → outcome</c>. Pure and total: no input throws.
/// Error words and shapes go through <see cref="EvolutionRules"/>; everything else through <see cref="EvolutionFallbacks"/>.
/// </summary>
internal static class EvolutionResponseMapper
{
    public const string Provider = "baileys";

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>Maps the answer to <c>POST /message/sendText/{instance}</c>.</summary>
    public static ProviderOutcome MapSend(int? status, string? body) => Map(EvolutionPath.Send, status, body);

    /// <summary>Maps the answer to an instance or chat call (number check, state, fetch, create, restart, logout, delete).</summary>
    public static ProviderOutcome MapInstance(int? status, string? body) => Map(EvolutionPath.Instance, status, body);

    /// <summary>The outcome of a request that got no answer.</summary>
    public static ProviderOutcome TransportFailure(SendAttempt attempt, string detail) => new()
    {
        Kind = OutcomeKind.Retry,
        Code = ErrorCode.DeliveryTimeout,
        Retryable = true,
        Attempt = attempt,
        RuleId = attempt == SendAttempt.NotSent ? EvolutionFallbacks.NotSent.Id : EvolutionFallbacks.Timeout.Id,
        Evidence = new ProviderEvidence(Provider, ProviderMessage: detail),
    };

    /// <summary>The outcome of a request that was not made because the connection or the message lacks something.</summary>
    public static ProviderOutcome Incomplete(string why) => new()
    {
        Kind = OutcomeKind.Failed,
        Code = ErrorCode.SendFailed,
        RuleId = EvolutionFallbacks.Incomplete.Id,
        Attempt = SendAttempt.NotSent,
        Evidence = new ProviderEvidence(Provider, ProviderMessage: why),
    };

    private static ProviderOutcome Map(EvolutionPath path, int? status, string? body)
    {
        JsonDocument document;
        try
        {
            if (string.IsNullOrWhiteSpace(body)) return Unparseable(status, body, "empty body");
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException)
        {
            return Unparseable(status, body, "body is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            var answer = EvolutionAnswer.Read(status, root);
            if (EvolutionRules.Find(answer) is { } row)
                return Failure(row.Id, row.Result, row.Retryable, answer, body);
            if (!EvolutionAnswer.IsSuccess(status))
                return Failure(EvolutionFallbacks.UnknownError.Id, ErrorCode.SendFailed, IsServerError(status), answer, body);
            if (answer.SwallowedError)
                return Failure(EvolutionFallbacks.SwallowedError.Id, ErrorCode.SendFailed, false, answer, body);
            return path == EvolutionPath.Send ? Accepted(root, status, body) : State(root, status, body);
        }
    }

    private static ProviderOutcome Accepted(JsonElement root, int? status, string body)
    {
        var key = EvolutionJsonReader.Member(root, "key") ?? default;
        var id = EvolutionJsonReader.String(key, "id");
        if (string.IsNullOrEmpty(id))
        {
            return new ProviderOutcome
            {
                Kind = OutcomeKind.Failed,
                Code = ErrorCode.SendFailed,
                RuleId = EvolutionFallbacks.NoMessageId.Id,
                Evidence = new ProviderEvidence(Provider, status, ProviderMessage: "2xx without key.id", RawBody: SecretRedactor.Redact(body)),
            };
        }

        return new ProviderOutcome
        {
            Kind = OutcomeKind.Sent,
            RuleId = EvolutionFallbacks.Accepted.Id,
            ProviderMessageId = id,
            RecipientId = EvolutionJsonReader.String(key, "remoteJid"),
            Evidence = new ProviderEvidence(Provider, status, ProviderMessage: EvolutionJsonReader.String(root, "status")),
        };
    }

    // connectionState and restart answer {"instance":{"state":…}}; fetchInstances answers its DB rows.
    private static ProviderOutcome State(JsonElement root, int? status, string body)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            string? down = null;
            foreach (var row in root.EnumerateArray())
            {
                var connection = EvolutionJsonReader.String(row, "connectionStatus")?.ToLowerInvariant();
                var reason = EvolutionJsonReader.Int(row, "disconnectionReasonCode");
                var words = reason is null ? $"connectionStatus {connection}" : $"connectionStatus {connection}, disconnectionReasonCode {reason}";
                if (connection == "close" && BaileysDisconnect.StopsReconnect(reason))
                    return Connection(EvolutionFallbacks.StateRemoved, status, Code(reason), words, body);
                if (connection is "close" or "connecting") down ??= words;
            }

            return down is null ? Ok(status) : Connection(EvolutionFallbacks.StateDown, status, null, down, body);
        }

        var state = EvolutionJsonReader.Member(root, "instance") is { } instance ? EvolutionJsonReader.String(instance, "state")?.ToLowerInvariant() : null;
        return state is "close" or "connecting" or "refused"
            ? Connection(EvolutionFallbacks.StateDown, status, null, $"state {state}", body)
            : Ok(status);
    }

    private static ProviderOutcome Connection(MappingRule rule, int? status, string? providerCode, string words, string body) => new()
    {
        Kind = rule.Outcome,
        Code = rule.Code,
        Retryable = rule.Retryable,
        RuleId = rule.Id,
        Evidence = new ProviderEvidence(Provider, status, providerCode, ProviderMessage: words, RawBody: SecretRedactor.Redact(body)),
    };

    private static ProviderOutcome Ok(int? status) => new()
    {
        Kind = OutcomeKind.Ignored,
        RuleId = EvolutionFallbacks.InstanceOk.Id,
        Evidence = new ProviderEvidence(Provider, status),
    };

    private static ProviderOutcome Failure(string ruleId, ErrorCode code, bool retryable, EvolutionAnswer answer, string body) => new()
    {
        Kind = retryable ? OutcomeKind.Retry : OutcomeKind.Failed,
        Code = code,
        Retryable = retryable,
        RuleId = ruleId,
        Evidence = new ProviderEvidence(Provider, answer.Status, ProviderMessage: answer.Words.Length > 0 ? answer.Words : null, RawBody: SecretRedactor.Redact(body)),
    };

    private static ProviderOutcome Unparseable(int? status, string? body, string why)
    {
        var retryable = IsServerError(status);
        return new ProviderOutcome
        {
            Kind = retryable ? OutcomeKind.Retry : OutcomeKind.Failed,
            Code = ErrorCode.SendFailed,
            Retryable = retryable,
            RuleId = EvolutionFallbacks.Unparseable.Id,
            Evidence = new ProviderEvidence(Provider, status, ProviderMessage: why, RawBody: SecretRedactor.Redact(body)),
        };
    }

    private static string? Code(int? code) => code?.ToString(CultureInfo.InvariantCulture);

    private static bool IsServerError(int? status) => status is >= 500 and <= 599;
}
