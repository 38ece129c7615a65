using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Baileys.Mapping;
using PilotStatus.Gateway.Providers.Baileys.Webhooks;

namespace PilotStatus.Gateway.Providers.Baileys.Tests;

public sealed class EvolutionResponseMapperTests
{
    private static string Envelope(int status, string message) =>
        "{\"status\":" + status + ",\"error\":\"x\",\"response\":{\"message\":" + message + "}}";

    [Theory]
    [InlineData(500, "\"Connection Closed\"", OutcomeKind.Retry)]
    [InlineData(400, "[\"Error: Connection Closed\"]", OutcomeKind.Retry)]
    [InlineData(400, "[\"Error: Timed Out\"]", OutcomeKind.Retry)]
    [InlineData(500, "\"Cannot read properties of undefined (reading 'find')\"", OutcomeKind.Retry)]
    [InlineData(404, "[\"The \\\"acme\\\" instance does not exist\"]", OutcomeKind.Failed)]
    [InlineData(500, "\"Cannot read properties of undefined (reading 'textMessage')\"", OutcomeKind.Failed)]
    public void MapSend_InstanceMarkers_AreDeliveryTimeoutWhateverTheStatus(int status, string message, OutcomeKind kind) =>
        EvolutionResponseMapper.MapSend(status, Envelope(status, message))
            .ShouldSatisfyAllConditions(o => o.Code.ShouldBe(ErrorCode.DeliveryTimeout), o => o.Kind.ShouldBe(kind));

    [Fact]
    public void MapSend_ExistsFalseObject_IsWhatsappNotExist_TextAloneIsNot()
    {
        EvolutionResponseMapper.MapSend(400, Envelope(400, "[{\"jid\":\"1@s.whatsapp.net\",\"exists\":false,\"number\":\"1\"}]")).Code.ShouldBe(ErrorCode.WhatsappNotExist);
        EvolutionResponseMapper.MapSend(400, Envelope(400, "[\"exists: false\"]")).Code.ShouldBe(ErrorCode.SendFailed);
    }

    [Fact]
    public void MapSend_Unauthorized_IsPermanentSendFailed() =>
        EvolutionResponseMapper.MapSend(401, "{\"status\":401,\"error\":\"Unauthorized\",\"response\":{\"message\":\"Unauthorized\"}}")
            .ShouldSatisfyAllConditions(o => o.Code.ShouldBe(ErrorCode.SendFailed), o => o.Kind.ShouldBe(OutcomeKind.Failed));

    [Fact]
    public void MapSend_201WithKeyId_IsSent_WithoutKeyIdIsNever()
    {
        EvolutionResponseMapper.MapSend(201, "{\"key\":{\"remoteJid\":\"553198296801@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE594145F4C59B4\"},\"status\":\"PENDING\"}")
            .ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Sent), o => o.ProviderMessageId.ShouldBe("BAE594145F4C59B4"));
        EvolutionResponseMapper.MapSend(201, "{\"status\":\"PENDING\"}").Kind.ShouldBe(OutcomeKind.Failed);
    }

    [Theory]
    [InlineData("messages.update")]
    [InlineData("MESSAGES_UPDATE")]
    public void Parse_DeliveryAckFromMe_IsDelivered_InBothEventSpellings(string name) =>
        EvolutionWebhookParser.Parse("{\"event\":\"" + name + "\",\"instance\":\"acme\",\"data\":{\"keyId\":\"BAE5\",\"remoteJid\":\"1@s.whatsapp.net\",\"fromMe\":true,\"status\":\"DELIVERY_ACK\"}}")
            .Single().ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(OutcomeKind.Delivered), o => o.ProviderMessageId.ShouldBe("BAE5"), o => o.ConnectionKey.ShouldBe("acme"));

    [Fact]
    public void Parse_InboundDeliveryAck_IsIgnored() =>
        EvolutionWebhookParser.Parse("{\"event\":\"messages.update\",\"instance\":\"acme\",\"data\":{\"keyId\":\"X\",\"fromMe\":false,\"status\":\"DELIVERY_ACK\"}}")
            .Single().Kind.ShouldBe(OutcomeKind.Ignored);

    [Theory]
    [InlineData(401, OutcomeKind.ConnectionRemoved, ErrorCode.NumberNotFoundRemoved)]
    [InlineData(403, OutcomeKind.ConnectionRemoved, ErrorCode.NumberNotFoundRemoved)]
    [InlineData(428, OutcomeKind.ConnectionDown, ErrorCode.DeliveryTimeout)]
    [InlineData(515, OutcomeKind.ConnectionDown, ErrorCode.DeliveryTimeout)]
    public void Parse_ConnectionClose_RemovedOnlyForCodesThatStopReconnect(int reason, OutcomeKind kind, ErrorCode code) =>
        EvolutionWebhookParser.Parse("{\"event\":\"connection.update\",\"instance\":\"acme\",\"data\":{\"instance\":\"acme\",\"state\":\"close\",\"statusReason\":" + reason + "}}")
            .Single().ShouldSatisfyAllConditions(o => o.Kind.ShouldBe(kind), o => o.Code.ShouldBe(code));

    [Fact]
    public void Classifier_RuleIdsAreUniqueAndSourced()
    {
        var rules = new EvolutionClassifier().Rules;
        rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        rules.Where(r => string.IsNullOrWhiteSpace(r.Source)).Select(r => r.Id).ShouldBeEmpty();
    }
}
