using PilotStatus.Gateway.Abstractions.Providers;
using static PilotStatus.Gateway.Abstractions.Errors.ErrorCode;

namespace PilotStatus.Gateway.Providers.Baileys.Mapping;

/// <summary>
/// The rows that are not error words: success and state shapes, answers no row of <see cref="EvolutionRules"/>
/// names, transport failures and webhook events. Tried after the table finds nothing; failures keep the raw body.
/// </summary>
internal static class EvolutionFallbacks
{
    public static readonly MappingRule Accepted = new("evo.send.accepted", "send", "2xx with key.id", OutcomeKind.Sent, null, false, "EVO :4486 prepareMessage {key,status:\"PENDING\",…}; 201 is not delivered (#1938, #2597, #2626)");
    public static readonly MappingRule NoMessageId = new("evo.send.no-message-id", "send", "2xx without key.id", OutcomeKind.Failed, SendFailed, false, "gateway rule: without key.id no ack can be matched; not retried since Evolution may have sent it");
    public static readonly MappingRule SwallowedError = new("evo.swallowed-error", "send, instance", "2xx {\"error\":true,\"message\":…} that no marker row names", OutcomeKind.Failed, SendFailed, false, "EVO instance.controller.ts restartInstance/connect catch → {error:true, message}");
    public static readonly MappingRule InstanceOk = new("evo.instance.ok", "instance", "2xx that reports no closed state (open, created, restarted, logged out, deleted, numbers exist)", OutcomeKind.Ignored, null, false, "EVO instance.controller.ts; chat.controller.ts whatsappNumber");
    public static readonly MappingRule StateDown = new("evo.state.down", "instance", "state close/connecting/refused; fetchInstances connectionStatus close (other reason) or connecting", OutcomeKind.ConnectionDown, DeliveryTimeout, true, "EVO connectionState {instance:{state}}; BAI DisconnectReason (src/Types/index.ts:27): other closes reconnect");
    public static readonly MappingRule StateRemoved = new("evo.state.removed", "instance", "fetchInstances connectionStatus close with disconnectionReasonCode 401/402/403/406", OutcomeKind.ConnectionRemoved, NumberNotFoundRemoved, false, "EVO :402 codesToNotReconnect [401,403,402,406]; session deleted");
    public static readonly MappingRule UnknownError = new("evo.unknown-error", "send, instance", "a non-2xx JSON answer no row names (retry when HTTP 5xx)", OutcomeKind.Failed, SendFailed, false, "EVO src/main.ts:110 res.status(err.status||500); SPEC: SEND_FAILED fallback");
    public static readonly MappingRule Unparseable = new("evo.unparseable", "send, instance", "empty, HTML or non-JSON body (retry when HTTP 5xx)", OutcomeKind.Failed, SendFailed, false, "EVO main.ts:110 always answers JSON, so a proxy or a crash did (nginx 502)");
    public static readonly MappingRule Timeout = new("evo.transport.timeout", "send, instance", "no answer before the timeout: the request may have reached Evolution", OutcomeKind.Retry, DeliveryTimeout, true, "SPEC: delivery timed out; never re-sent blindly (Evolution has no idempotency key)");
    public static readonly MappingRule NotSent = new("evo.transport.not-sent", "send, instance", "the request never left (open circuit, connection refused)", OutcomeKind.Retry, DeliveryTimeout, true, "SPEC Retries: a request that never left is transient and not an attempt") { Recordable = false };
    public static readonly MappingRule Incomplete = new("evo.request.incomplete", "send, instance", "no serverUrl/instanceName/apiKey, or nothing to send (no text, template without body text)", OutcomeKind.Failed, SendFailed, false, "gateway rule: checked before any call (attempt not-sent)") { Recordable = false };

    public static readonly MappingRule WebhookDelivered = new("evo.webhook.delivered", "webhook", "messages.update fromMe:true status DELIVERY_ACK", OutcomeKind.Delivered, null, false, "EVO :1475-1483; src/utils/renderStatus.ts 3 DELIVERY_ACK");
    public static readonly MappingRule WebhookRead = new("evo.webhook.read", "webhook", "messages.update fromMe:true status READ or PLAYED", OutcomeKind.Read, null, false, "EVO :1475-1483; renderStatus.ts 4 READ, 5 PLAYED");
    public static readonly MappingRule WebhookError = new("evo.webhook.error", "webhook", "messages.update fromMe:true status ERROR (providerCode = messageStubParameters[0], e.g. 463)", OutcomeKind.Failed, DeliveryTimeout, false, "BAI messages-recv.ts:1923 negative server ack; #2588, #2626");
    public static readonly MappingRule WebhookPending = new("evo.webhook.pending", "webhook", "messages.update fromMe:true status PENDING, SERVER_ACK or other", OutcomeKind.Ignored, null, false, "renderStatus.ts 1 PENDING, 2 SERVER_ACK: accepted, not delivered");
    public static readonly MappingRule WebhookInbound = new("evo.webhook.inbound", "webhook", "messages.update without fromMe:true", OutcomeKind.Ignored, null, false, "EVO :4509 inbound messages carry DELIVERY_ACK too");
    public static readonly MappingRule WebhookLoggedOut = new("evo.webhook.logged-out", "webhook", "connection.update state close, statusReason 401/402/403/406", OutcomeKind.ConnectionRemoved, NumberNotFoundRemoved, false, "EVO :402 codesToNotReconnect; #2196 device_removed → 401");
    public static readonly MappingRule WebhookDown = new("evo.webhook.connection-down", "webhook", "connection.update state close (other statusReason) or refused", OutcomeKind.ConnectionDown, DeliveryTimeout, true, "BAI DisconnectReason 408/428/440/500/515 reconnect by themselves");
    public static readonly MappingRule WebhookUp = new("evo.webhook.connection-up", "webhook", "connection.update state open or connecting", OutcomeKind.Ignored, null, false, "EVO connection.update {instance,state,statusReason}");
    public static readonly MappingRule WebhookLogout = new("evo.webhook.logout-instance", "webhook", "logout.instance", OutcomeKind.ConnectionRemoved, NumberNotFoundRemoved, false, "EVO sendDataWebhook(Events.LOGOUT_INSTANCE, null)");
    public static readonly MappingRule WebhookRemove = new("evo.webhook.remove-instance", "webhook", "remove.instance", OutcomeKind.ConnectionRemoved, NumberNotFoundRemoved, false, "EVO monitor.service.ts:44 DEL_INSTANCE auto-remove");
    public static readonly MappingRule WebhookStatusClosed = new("evo.webhook.status-closed", "webhook", "status.instance status closed, disconnectionReasonCode 401/402/403/406", OutcomeKind.ConnectionRemoved, NumberNotFoundRemoved, false, "EVO :402 codesToNotReconnect → status.instance {status:\"closed\",disconnectionReasonCode}");
    public static readonly MappingRule WebhookInboundMessage = new("evo.webhook.inbound-message", "webhook", "messages.upsert without fromMe:true", OutcomeKind.Ignored, null, false, "EVO messages.upsert data {key:{remoteJid, remoteJidAlt?, fromMe, id}, messageTimestamp}: a contact wrote (kept for the 24 h window)");
    public static readonly MappingRule WebhookOther = new("evo.webhook.other", "webhook", "send.message, our own messages.upsert echoes and every other event", OutcomeKind.Ignored, null, false, "EVO send.message echoes the send (#1340)");
    public static readonly MappingRule WebhookMalformed = new("evo.webhook.malformed", "webhook", "a body that is not a JSON object with an event", OutcomeKind.Ignored, null, false, "EVO webhook.controller.ts envelope {event,instance,data,date_time,…}");

    /// <summary>Every fallback row, in the order the mapper reaches them.</summary>
    public static IReadOnlyList<MappingRule> All { get; } =
        [Accepted, NoMessageId, SwallowedError, InstanceOk, StateDown, StateRemoved, UnknownError, Unparseable, Timeout, NotSent, Incomplete,
         WebhookDelivered, WebhookRead, WebhookError, WebhookPending, WebhookInbound, WebhookInboundMessage, WebhookLoggedOut, WebhookDown, WebhookUp,
         WebhookLogout, WebhookRemove, WebhookStatusClosed, WebhookOther, WebhookMalformed];
}
