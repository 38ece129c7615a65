using System.Net.Sockets;
using PilotStatus.Gateway.Abstractions.Providers;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace PilotStatus.Gateway.Fixtures.Recording;

/// <summary>
/// A WireMock.Net proxy in front of a real provider: every request is forwarded to the target, and on
/// <see cref="SaveAsync"/> each exchange becomes a fixture file (see <see cref="RecordedFixtureWriter"/>). Files are
/// written to temporary names and renamed only when all are written, so a failure leaves nothing half-written.
/// </summary>
internal sealed class FixtureRecorder : IDisposable
{
    private readonly WireMockServer server;
    private readonly RecordedFixtureWriter writer;
    private readonly string outDir;

    private FixtureRecorder(WireMockServer server, RecordedFixtureWriter writer, string outDir)
    {
        this.server = server;
        this.writer = writer;
        this.outDir = outDir;
    }

    /// <summary>The address to point a connection's base URL at.</summary>
    public string Url => server.Url!;

    /// <summary>Checks the target and the folder, then starts the proxy; returns the reason instead when it cannot.</summary>
    public static async Task<(FixtureRecorder? Recorder, string? Problem)> StartAsync(
        string provider, Uri target, int port, string outDir, IProviderClassifier classifier, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Unreachable(target, cancellationToken).ConfigureAwait(false) is { } why)
            return (null, $"target {target} is unreachable ({why})");
        if (Unwritable(outDir) is { } problem)
            return (null, $"cannot write to {outDir} ({problem})");

        WireMockServer server;
        try
        {
            server = WireMockServer.Start(new WireMockServerSettings
            {
                Port = port,
                StartAdminInterface = false,
                ProxyAndRecordSettings = new ProxyAndRecordSettings { Url = target.ToString().TrimEnd('/'), SaveMapping = false, SaveMappingToFile = false },
            });
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException or System.Net.HttpListenerException or WireMock.Exceptions.WireMockException)
        {
            return (null, $"cannot listen on port {port} ({ex.GetBaseException().Message})");
        }

        return (new FixtureRecorder(server, new RecordedFixtureWriter(provider, classifier, target.GetLeftPart(UriPartial.Authority), time), outDir), null);
    }

    /// <summary>Writes one fixture per recorded exchange; returns the files written, or the reason nothing was.</summary>
    public async Task<(IReadOnlyList<string> Files, string? Problem)> SaveAsync(CancellationToken cancellationToken)
    {
        var files = server.LogEntries
            .Where(e => e.RequestMessage is not null && e.ResponseMessage is not null)
            .OrderBy(e => e.RequestMessage!.DateTime)
            .Select(ToExchange)
            .Select(writer.Write)
            .OfType<(string RelativePath, string Json)>()
            .ToList();
        var temps = new List<(string Temp, string Final)>();
        var moved = new List<string>();
        try
        {
            foreach (var (relative, json) in files)
            {
                var final = Path.Combine(outDir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                await File.WriteAllTextAsync(final + ".partial", json, cancellationToken).ConfigureAwait(false);
                temps.Add((final + ".partial", final));
            }

            foreach (var (temp, final) in temps)
            {
                File.Move(temp, final, overwrite: false);
                moved.Add(final);
            }

            return (moved, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            foreach (var (temp, _) in temps) File.Delete(temp);
            foreach (var final in moved) File.Delete(final);
            return ([], $"could not save the recording ({ex.Message}); nothing was written");
        }
    }

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private static RecordedExchange ToExchange(ILogEntry entry)
    {
        var request = entry.RequestMessage!;
        var response = entry.ResponseMessage!;
        var status = response.StatusCode switch
        {
            int code => code,
            string text when int.TryParse(text, out var code) => code,
            var other => Convert.ToInt32(other ?? 0, System.Globalization.CultureInfo.InvariantCulture),
        };
        return new RecordedExchange(
            (request.Method ?? "GET").ToUpperInvariant(),
            request.Path,
            request.Query?.ToDictionary(q => q.Key, q => string.Join(",", q.Value), StringComparer.Ordinal) ?? [],
            request.Body,
            status,
            response.BodyData?.BodyAsString ?? (response.BodyData?.BodyAsBytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null),
            response.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
    }

    private static async Task<string?> Unreachable(Uri target, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(target.Host, target.Port, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode.ToString();
        }
        catch (OperationCanceledException)
        {
            return "no answer within 5 s";
        }
    }

    private static string? Unwritable(string outDir)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            var probe = Path.Combine(outDir, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ex.Message;
        }
    }
}
