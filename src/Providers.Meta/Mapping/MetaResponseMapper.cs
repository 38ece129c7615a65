using System.Globalization;
using System.Text.Json;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// Turns Meta's synchronous answers into outcomes: <c>(status, headers, body) → outcome</c>. Pure and total:
/// no input throws. Codes come from <see cref="MetaRules"/>; everything else from <see cref="MetaFallbacks"/>.
/// </summary>
internal static class MetaResponseMapper
{
    public const string Provider = "meta";

    /// <summary>The header whose <c>estimated_time_to_regain_access</c> (minutes) is the best retry-after hint.</summary>
    public const string UsageHeader = "X-Business-Use-Case-Usage";

    /// <summary>Maps the answer to <c>POST /messages</c>.</summary>
    public static ProviderOutcome MapSend(int? status, string? body, IReadOnlyDictionary<string, string>? headers, InboundHistory history, int attempt = 0) =>
        Map(MetaPath.Send, status, body, headers, history, attempt);

    /// <summary>Maps the answer to a management read (Sync with Meta).</summary>
    public static ProviderOutcome MapGraph(int? status, string? body, IReadOnlyDictionary<string, string>? headers, int attempt = 0) =>
        Map(MetaPath.Graph, status, body, headers, InboundHistory.Unknown, attempt);

    /// <summary>The outcome of a request that got no answer.</summary>
    public static ProviderOutcome TransportFailure(SendAttempt attempt, string detail) => new()
    {
        Kind = OutcomeKind.Retry,
        Code = ErrorCode.DeliveryTimeout,
        Retryable = true,
        Attempt = attempt,
        RuleId = attempt == SendAttempt.NotSent ? MetaFallbacks.NotSent.Id : MetaFallbacks.Timeout.Id,
        Evidence = new ProviderEvidence(Provider, ProviderMessage: detail),
    };

    /// <summary>The outcome of one Meta error on <paramref name="path"/>: the table's row, or the unknown-code fallback.</summary>
    public static ProviderOutcome FromError(MetaError error, MetaPath path, InboundHistory history, int? status, string? body, IReadOnlyDictionary<string, string>? headers, int attempt, MessageReference reference = default)
    {
        var evidence = new ProviderEvidence(
            Provider,
            status,
            error.Code?.ToString(CultureInfo.InvariantCulture),
            error.Subcode?.ToString(CultureInfo.InvariantCulture),
            error.Words,
            error.TraceId,
            SecretRedactor.Redact(body));

        MappingRule fallback;
        bool retryable;
        ErrorCode code;
        string ruleId;
        if (MetaRules.Find(error, path, history) is { } row)
        {
            (code, retryable, ruleId) = (row.Result, row.Retryable, row.Id);
        }
        else
        {
            fallback = error.Code is null ? NoCodeFallback(status) : MetaFallbacks.UnknownCode;
            code = fallback.Code!.Value;
            retryable = fallback.Retryable || error.IsTransient || IsServerError(status);
            ruleId = fallback.Id;
        }

        return new ProviderOutcome
        {
            Kind = retryable ? OutcomeKind.Retry : OutcomeKind.Failed,
            Code = code,
            Retryable = retryable,
            RuleId = ruleId,
            RetryAfter = retryable ? RetryAfter(code, headers, attempt) : null,
            Evidence = evidence,
            ProviderMessageId = reference.ProviderMessageId,
            RecipientId = reference.RecipientId,
            CallbackData = reference.CallbackData,
            ConnectionKey = reference.ConnectionKey,
            OccurredAt = reference.OccurredAt,
        };
    }

    private static ProviderOutcome Map(MetaPath path, int? status, string? body, IReadOnlyDictionary<string, string>? headers, InboundHistory history, int attempt)
    {
        if (string.IsNullOrWhiteSpace(body)) return Unparseable(status, body, "empty body");
        MetaAnswer answer;
        try
        {
            answer = MetaAnswerReader.Read(body);
        }
        catch (JsonException)
        {
            return Unparseable(status, body, "body is not JSON");
        }

        if (answer.Error is { } error)
            return FromError(error, path, history, status, body, headers, attempt);

        if (status is null or < 200 or > 299)
            return FromError(new MetaError(null, null, null, null, null, null, false), path, history, status, body, headers, attempt);

        return path == MetaPath.Send ? Accepted(answer, status, body) : Ok(MetaFallbacks.GraphOk, status);
    }

    private static ProviderOutcome Accepted(MetaAnswer answer, int? status, string body)
    {
        if (string.IsNullOrEmpty(answer.MessageId))
        {
            return new ProviderOutcome
            {
                Kind = OutcomeKind.Failed,
                Code = ErrorCode.MetaSendFailed,
                RuleId = MetaFallbacks.NoMessageId.Id,
                Evidence = new ProviderEvidence(Provider, status, ProviderMessage: "2xx without a message id", RawBody: SecretRedactor.Redact(body)),
            };
        }

        return new ProviderOutcome
        {
            Kind = OutcomeKind.Sent,
            RuleId = MetaFallbacks.Accepted.Id,
            ProviderMessageId = answer.MessageId,
            RecipientId = answer.WaId,
            Evidence = new ProviderEvidence(Provider, status),
        };
    }

    private static ProviderOutcome Ok(MappingRule rule, int? status) => new()
    {
        Kind = rule.Outcome,
        RuleId = rule.Id,
        Evidence = new ProviderEvidence(Provider, status),
    };

    private static ProviderOutcome Unparseable(int? status, string? body, string why)
    {
        var retryable = IsServerError(status);
        return new ProviderOutcome
        {
            Kind = retryable ? OutcomeKind.Retry : OutcomeKind.Failed,
            Code = ErrorCode.MetaSendFailed,
            Retryable = retryable,
            RuleId = MetaFallbacks.Unparseable.Id,
            Evidence = new ProviderEvidence(Provider, status, ProviderMessage: why, RawBody: SecretRedactor.Redact(body)),
        };
    }

    private static MappingRule NoCodeFallback(int? status) => status switch
    {
        429 => MetaFallbacks.NoCode429,
        401 => MetaFallbacks.NoCode401,
        _ => MetaFallbacks.NoCode,
    };

    private static bool IsServerError(int? status) => status is >= 500 and <= 599;

    /// <summary>
    /// The wait Meta suggests: <c>estimated_time_to_regain_access</c> (minutes) from the usage header when positive,
    /// else Meta's pair-limit guidance of 4^X seconds for rate limits (X = attempts so far, capped).
    /// </summary>
    internal static TimeSpan? RetryAfter(ErrorCode code, IReadOnlyDictionary<string, string>? headers, int attempt)
    {
        if (headers is not null && headers.TryGetValue(UsageHeader, out var usage) && RegainMinutes(usage) is > 0 and var minutes)
            return TimeSpan.FromMinutes(minutes);
        return code == ErrorCode.MetaRateLimited ? TimeSpan.FromSeconds(Math.Pow(4, Math.Clamp(attempt, 0, 5))) : null;
    }

    private static int RegainMinutes(string header)
    {
        try
        {
            using var doc = JsonDocument.Parse(header);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return 0;
            var max = 0;
            foreach (var owner in doc.RootElement.EnumerateObject())
            {
                if (owner.Value.ValueKind != JsonValueKind.Array) continue;
                foreach (var entry in owner.Value.EnumerateArray())
                    max = Math.Max(max, JsonMember.Int(entry, "estimated_time_to_regain_access") ?? 0);
            }

            return max;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
