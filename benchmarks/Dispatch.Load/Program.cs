// A load run on loopback: N real gateway processes (the built pilot-gateway) on one PostgreSQL database, one Meta
// double, M messages accepted round-robin through the replicas' HTTP API. Reports accept throughput and latency,
// the time until every message reached the double, and any message sent twice or never.
//
//   dotnet build -c Release src/Gateway && dotnet run -c Release --project benchmarks/Dispatch.Load -- \
//     --postgres 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres' [--messages 3000] [--replicas 2]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p.a[2..], p => args.ElementAtOrDefault(p.i + 1) ?? "");
var admin = options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("PILOT_GATEWAY_TEST_POSTGRES")
    ?? throw new ArgumentException("--postgres <Npgsql connection string with CREATE DATABASE rights> (or PILOT_GATEWAY_TEST_POSTGRES)");
var messages = int.Parse(options.GetValueOrDefault("messages") ?? "3000", System.Globalization.CultureInfo.InvariantCulture);
var replicas = int.Parse(options.GetValueOrDefault("replicas") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
var gateway = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Gateway/bin/Release/net10.0/pilot-gateway.dll"));
if (!File.Exists(gateway)) throw new FileNotFoundException("Build the gateway first: dotnet build -c Release src/Gateway", gateway);

var database = $"gw_load_{Guid.NewGuid():N}";
await Sql(admin, $"CREATE DATABASE {database}");
var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

var sends = new ConcurrentDictionary<string, int>();
using var meta = WireMockServer.Start();
meta.Given(Request.Create().WithPath("/v23.0/106540352242922/messages").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
{
    using var body = JsonDocument.Parse(request.Body!);
    sends.AddOrUpdate(body.RootElement.GetProperty("biz_opaque_callback_data").GetString()!, 1, (_, n) => n + 1);
    return new WireMock.ResponseMessage
    {
        StatusCode = 200,
        BodyData = new WireMock.Util.BodyData
        {
            DetectedBodyType = WireMock.Types.BodyType.String,
            BodyAsString = $"{{\"messaging_product\":\"whatsapp\",\"contacts\":[{{\"input\":\"x\",\"wa_id\":\"x\"}}],\"messages\":[{{\"id\":\"wamid.L{Guid.NewGuid():N}\"}}]}}",
        },
    };
}));

const string Token = "load-run-admin-token-0123456789";
var processes = new List<Process>();
var urls = new List<string>();
try
{
    for (var r = 0; r < replicas; r++)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { gateway, "serve", "--urls", $"http://127.0.0.1:{port}", $"--Gateway:AdminToken={Token}", "--Gateway:Database=postgresql",
                     $"--Gateway:PostgresConnectionString={connectionString}", $"--Providers:Meta:BaseUrl={meta.Url}", "--Gateway:Dispatcher:MetaMessagesPerSecond=1000",
                     "--Gateway:Dispatcher:PollInterval=00:00:00.050", "--Gateway:Dispatcher:BatchSize=100", "--Logging:LogLevel:Default=Warning" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"replica {processes.Count}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        urls.Add($"http://127.0.0.1:{port}");
    }

    var clients = urls.Select(u => new HttpClient { BaseAddress = new Uri(u) }).ToArray();
    foreach (var client in clients)
        for (var i = 0; i < 300 && !await Healthy(client); i++) await Task.Delay(100);

    clients[0].DefaultRequestHeaders.Authorization = new("Bearer", Token);
    var created = await (await clients[0].PostAsJsonAsync("/v1/connections", new { provider = "meta", number = "+15551234567", phoneNumberId = "106540352242922", wabaId = "102290129340398", systemToken = "EAAG-load" })).Content.ReadFromJsonAsync<JsonElement>();
    var key = (await (await clients[0].PostAsJsonAsync("/v1/api-keys", new { connectionId = created.GetProperty("id").GetString() })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    foreach (var client in clients) client.DefaultRequestHeaders.Authorization = new("Bearer", key);

    var latencies = new ConcurrentBag<double>();
    var accepted = new ConcurrentBag<string>();
    var clock = Stopwatch.StartNew();
    await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
    {
        var sent = Stopwatch.GetTimestamp();
        var response = await clients[i % clients.Length].PostAsJsonAsync("/v1/messages", new { to = $"+55119{i:D8}", text = $"load {i}" }, ct);
        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        if ((int)response.StatusCode == 202) accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
    });
    var acceptTime = clock.Elapsed;
    while (sends.Count < accepted.Count && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(50);
    var allSent = clock.Elapsed;
    await Task.Delay(1000); // a late duplicate would land now

    var sorted = latencies.Order().ToArray();
    Console.WriteLine($"replicas {replicas}, messages {messages}, accepted {accepted.Count}");
    Console.WriteLine($"accept: {acceptTime.TotalSeconds:F1} s ({accepted.Count / acceptTime.TotalSeconds:F0}/s), POST latency p50 {sorted[sorted.Length / 2]:F1} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F1} ms");
    Console.WriteLine($"every message at the provider after {allSent.TotalSeconds:F1} s from the first accept ({sends.Count / allSent.TotalSeconds:F0}/s end to end)");
    Console.WriteLine($"sent twice: {sends.Count(s => s.Value > 1)}, never sent: {accepted.Except(sends.Keys).Count()}");
}
finally
{
    foreach (var process in processes) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
    NpgsqlConnection.ClearAllPools();
    await Sql(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

static async Task Sql(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<bool> Healthy(HttpClient client)
{
    try { return (await client.GetAsync("/healthz")).IsSuccessStatusCode; }
    catch (HttpRequestException) { return false; }
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
