using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Lifecycle;
using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Storage;
using PilotStatus.Gateway.Tests.Service;

namespace PilotStatus.Gateway.Tests.Lifecycle;

/// <summary>The sweeper on a real SQLite store, with a fake clock: no sleeping, the 7-day case included.</summary>
public sealed class DeadlineSweeperTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string database = Path.Combine(Path.GetTempPath(), $"sweep-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider clock = new(T0);

    private async Task<(SqlGatewayStore Store, DeadlineSweeper Sweeper)> Build()
    {
        var store = new SqlGatewayStore(new PilotStatus.Gateway.Storage.Sqlite.SqliteDialect($"Data Source={database}"), clock);
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return (store, new DeadlineSweeper(store, clock, Options.Create(new SweeperOptions { BatchSize = 2 }), Options.Create(new Hosting.GatewayOptions()), NullLogger<DeadlineSweeper>.Instance));
    }

    private static MessageRecord Message(string id, MessageStatus status, int attempts, TimeSpan deadline) => new()
    {
        Id = id, ApiKeyId = "key_1", ConnectionId = "con_1", Provider = "meta", To = "+5511987654321", Text = "hi",
        Status = status, Attempts = attempts, CreatedAt = T0, DeliverUntil = T0 + deadline, NextAttemptAt = status == MessageStatus.Queued ? T0 : null,
    };

    [Fact]
    public async Task Sweep_EachExpiredMessage_EndsWithItsLifecycleCode()
    {
        var (store, sweeper) = await Build();
        var ct = TestContext.Current.CancellationToken;
        await store.AddMessageAsync(Message("sent", MessageStatus.Sent, 1, TimeSpan.FromMinutes(30)), ct);
        await store.AddMessageAsync(Message("attempted", MessageStatus.Queued, 2, TimeSpan.FromMinutes(30)), ct);
        await store.AddMessageAsync(Message("short", MessageStatus.Queued, 0, TimeSpan.FromMinutes(30)), ct);
        await store.AddMessageAsync(Message("week", MessageStatus.Queued, 0, TimeSpan.FromDays(7)), ct);
        await store.AddMessageAsync(Message("delivered", MessageStatus.Delivered, 1, TimeSpan.FromMinutes(30)), ct);

        (await sweeper.SweepAsync(ct)).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(1));
        (await sweeper.SweepAsync(ct)).ShouldBe(3);
        (await store.GetMessageAsync("week", ct))!.Status.ShouldBe(MessageStatus.Queued);
        clock.Advance(TimeSpan.FromDays(7));
        (await sweeper.SweepAsync(ct)).ShouldBe(1);

        async Task<ErrorCode?> CodeOf(string id) => (await store.GetMessageAsync(id, ct))!.ErrorCode;
        (await CodeOf("sent")).ShouldBe(ErrorCode.DeliveredNotConfirmed);
        (await CodeOf("attempted")).ShouldBe(ErrorCode.ExpiredAfterAttempts);
        (await CodeOf("short")).ShouldBe(ErrorCode.MessageExpired);
        (await CodeOf("week")).ShouldBe(ErrorCode.NeverAttemptedMaxAgeExceeded);
        (await store.GetMessageAsync("delivered", ct))!.Status.ShouldBe(MessageStatus.Delivered);
        (await store.GetMessageAsync("week", ct))!.FailedAt.ShouldBe(clock.GetUtcNow());
    }

    public void Dispose() => GatewayFactory.DeleteDatabase(database);
}
