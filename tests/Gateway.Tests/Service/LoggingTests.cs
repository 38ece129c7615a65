using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PilotStatus.Gateway.Tests.Service;

/// <summary>Tokens, API keys and secrets never reach the logs, whatever the service does with them.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly GatewayFactory factory = new(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });

    [Fact]
    public async Task Logs_NeverHoldTokensKeysOrSecrets()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new Capture(lines)))));
        var client = new GatewayClient(app.CreateClient());
        var connection = await client.CreateMetaConnection("+15551230300");
        var key = await client.CreateApiKey(connection);
        await client.SendMessage(key, new { to = "+5511987654321", text = "hi" });
        await client.Send(HttpMethod.Get, "/v1/connections", null, "wrong-admin-token-secret-value");

        lines.ShouldNotBeEmpty();
        foreach (var secret in new[] { GatewayFactory.AdminToken, key, "EAAG-system-token-secret", "wrong-admin-token-secret-value" })
            lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty(secret);
    }

    public void Dispose()
    {
        factory.Dispose();
        GatewayFactory.DeleteDatabase(factory.DatabasePath);
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + " " + state + " " + exception);

        public void Dispose()
        {
        }
    }
}
