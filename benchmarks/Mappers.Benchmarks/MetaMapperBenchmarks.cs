using BenchmarkDotNet.Attributes;
using PilotStatus.Gateway.Abstractions.Providers;
using PilotStatus.Gateway.Providers.Meta.Mapping;
using PilotStatus.Gateway.Providers.Meta.Webhooks;

namespace PilotStatus.Gateway.Benchmarks;

/// <summary>One classification per operation, on real-shaped Meta bodies (the fixtures' shapes).</summary>
[MemoryDiagnoser]
public class MetaMapperBenchmarks
{
    private const string SyncError =
        "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"},\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}";

    private const string FailedStatusWebhook =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"wamid.HBgLMTY1MDU1NTExMTEVAgARGBI4QUZCNDUyNjU2QTQzNEREAA==\",\"status\":\"failed\",\"timestamp\":\"1698231447\",\"recipient_id\":\"16505551111\",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\",\"message\":\"Message undeliverable\",\"error_data\":{\"details\":\"Message Undeliverable.\"}}]}]},\"field\":\"messages\"}]}]}";

    private const string Success =
        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505555555\",\"wa_id\":\"16505555555\"}],\"messages\":[{\"id\":\"wamid.HBgLMTY1MDU1NTU1NTUVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA\"}]}";

    [Benchmark]
    public ProviderOutcome MetaSyncError() => MetaResponseMapper.MapSend(400, SyncError, null, InboundHistory.Known);

    [Benchmark]
    public IReadOnlyList<ProviderOutcome> MetaWebhookFailedStatus() => MetaWebhookParser.Parse(FailedStatusWebhook, InboundHistory.Unknown);

    [Benchmark]
    public ProviderOutcome MetaSuccess() => MetaResponseMapper.MapSend(200, Success, null, InboundHistory.Unknown);
}
