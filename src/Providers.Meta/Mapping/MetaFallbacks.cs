using PilotStatus.Gateway.Abstractions.Providers;
using static PilotStatus.Gateway.Abstractions.Errors.ErrorCode;

namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>
/// The rows that are not keyed on a Meta error code: success shapes, answers without a code, transport failures
/// and webhook statuses. Tried after <see cref="MetaRules"/> finds nothing; each keeps the raw body.
/// </summary>
internal static class MetaFallbacks
{
    public static readonly MappingRule Accepted = new("meta.send.accepted", "send", "2xx with messages[0].id (wamid)", OutcomeKind.Sent, null, false, "S2: send response {contacts[], messages[{id}]}; accepted is not delivered");
    public static readonly MappingRule NoMessageId = new("meta.send.no-message-id", "send", "2xx without messages[0].id", OutcomeKind.Failed, MetaSendFailed, false, "reference §5.3: a 2xx without a provider message id is a failure, never \"sent\"; not retried since Meta may have accepted it");
    public static readonly MappingRule GraphOk = new("meta.graph.ok", "graph", "2xx without an error envelope", OutcomeKind.Ignored, null, false, "S2: WABA, message_templates and phone_numbers reads");
    public static readonly MappingRule UnknownCode = new("meta.unknown-code", "send, graph, webhook", "an error.code no row names (retry when is_transient or HTTP 5xx)", OutcomeKind.Failed, MetaSendFailed, false, "SPEC precedence: Meta failures with no more specific code fall to META_SEND_FAILED");
    public static readonly MappingRule NoCode429 = new("meta.no-code.http-429", "send, graph", "no error.code, HTTP 429 (On-Premises title-only \"Too many requests\")", OutcomeKind.Retry, MetaRateLimited, true, "OnPrem: {\"errors\":[{\"title\":\"Too many requests\"}]} with 429 (courier fixture)");
    public static readonly MappingRule NoCode401 = new("meta.no-code.http-401", "send, graph", "no error.code, HTTP 401", OutcomeKind.Failed, MetaTokenInvalid, false, "Graph answers 401 only for OAuth failures (S9 HTTP column: 0, 190 → 401)");
    public static readonly MappingRule NoCode = new("meta.no-code", "send, graph", "an error envelope without error.code (retry when HTTP 5xx)", OutcomeKind.Failed, MetaSendFailed, false, "SPEC precedence: META_SEND_FAILED fallback");
    public static readonly MappingRule Unparseable = new("meta.unparseable", "send, graph", "empty, truncated, HTML or non-JSON body (retry when HTTP 5xx)", OutcomeKind.Failed, MetaSendFailed, false, "stripe-dotnet BuildInvalidResponseException; courier ErrResponseUnparseable");
    public static readonly MappingRule Timeout = new("meta.transport.timeout", "send, graph", "no answer before the timeout: the request may have reached Meta", OutcomeKind.Retry, DeliveryTimeout, true, "SPEC: delivery timed out; never re-sent blindly (Meta has no idempotency key)");
    public static readonly MappingRule NotSent = new("meta.transport.not-sent", "send, graph", "the request never left (open circuit, connection refused)", OutcomeKind.Retry, DeliveryTimeout, true, "SPEC Retries: a request that never left is transient and not an attempt") { Recordable = false };
    public static readonly MappingRule Incomplete = new("meta.request.incomplete", "send", "the connection has no phoneNumberId/systemToken, or the message has neither text nor template", OutcomeKind.Failed, SendFailed, false, "gateway rule: checked before any call (attempt not-sent)") { Recordable = false };
    public static readonly MappingRule SyncNoWaba = new("meta.sync.no-waba", "graph", "the connection has no wabaId/systemToken", OutcomeKind.Failed, MetaWabaNotAccessible, false, "gateway rule: Sync with Meta needs a WABA id and a token (attempt not-sent)") { Recordable = false };

    public static readonly MappingRule StatusSent = new("meta.webhook.sent", "webhook", "statuses[].status = sent", OutcomeKind.Sent, null, false, "S3: status webhooks");
    public static readonly MappingRule StatusDelivered = new("meta.webhook.delivered", "webhook", "statuses[].status = delivered", OutcomeKind.Delivered, null, false, "S3: status webhooks");
    public static readonly MappingRule StatusRead = new("meta.webhook.read", "webhook", "statuses[].status = read or played (voice)", OutcomeKind.Read, null, false, "S3: status webhooks; played counts as read");
    public static readonly MappingRule StatusFailedWithoutError = new("meta.webhook.failed-without-error", "webhook", "statuses[].status = failed with no errors[]", OutcomeKind.Failed, MetaSendFailed, false, "SPEC precedence: META_SEND_FAILED fallback");
    public static readonly MappingRule StatusOther = new("meta.webhook.other-status", "webhook", "statuses[].status = deleted or unknown", OutcomeKind.Ignored, null, false, "courier ignores deleted statuses");
    public static readonly MappingRule Inbound = new("meta.webhook.inbound", "webhook", "value.messages[] (inbound, errors included)", OutcomeKind.Ignored, null, false, "S1: messages[].errors[] (131051) are inbound problems, not send results");
    public static readonly MappingRule OtherField = new("meta.webhook.other", "webhook", "a change that carries no statuses, errors or messages (template status updates, …)", OutcomeKind.Ignored, null, false, "S3: webhook fields");
    public static readonly MappingRule Malformed = new("meta.webhook.malformed", "webhook", "a body that is not a whatsapp_business_account JSON object", OutcomeKind.Ignored, null, false, "S3: envelope {object, entry[].changes[].value}");

    /// <summary>Every fallback row, in the order the mapper reaches them.</summary>
    public static IReadOnlyList<MappingRule> All { get; } =
        [Accepted, NoMessageId, GraphOk, UnknownCode, NoCode429, NoCode401, NoCode, Unparseable, Timeout, NotSent, Incomplete, SyncNoWaba,
         StatusSent, StatusDelivered, StatusRead, StatusFailedWithoutError, StatusOther, Inbound, OtherField, Malformed];
}
