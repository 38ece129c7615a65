using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Fixtures.Recording;

/// <summary>
/// Turns recorded exchanges into fixture files in the repository's format (docs/fixtures.md): a fresh unique key in
/// the path, loose request matchers (path, method, auth header shape, the body fields that select the call), the
/// sanitized answer, and a <c>Data.expect</c> filled by running the real mapper on it, for the engineer to review.
/// </summary>
internal sealed class RecordedFixtureWriter(string provider, IProviderClassifier classifier, string target, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FixtureSanitizer sanitizer = new();
    private readonly string run = time.GetUtcNow().ToString("yyMMddHHmm", CultureInfo.InvariantCulture);
    private int serial;

    /// <summary>The fixture file (path relative to the output folder, and its text), or null for a call the gateway never makes.</summary>
    public (string RelativePath, string Json)? Write(RecordedExchange exchange)
    {
        var call = provider == "meta" ? MetaRoute(exchange) : EvolutionRoute(exchange);
        if (call is not var (operation, key, request)) return null;

        var (bodyNode, bodyText) = CleanBody(exchange.ResponseBody);
        var response = new JsonObject { ["StatusCode"] = exchange.Status };
        var headers = new JsonObject();
        foreach (var header in new[] { "Content-Type", "X-Business-Use-Case-Usage" })
            if (exchange.ResponseHeaders.TryGetValue(header, out var value)) headers[header] = value;
        if (headers.Count > 0) response["Headers"] = headers;
        if (bodyNode is not null) response["BodyAsJson"] = bodyNode;
        else response["Body"] = bodyText ?? "";

        var kind = new FixtureFile("", "", provider, operation).Kind;
        var outcome = classifier.Classify(new ProviderExchange(kind, exchange.Status, bodyNode?.ToJsonString() ?? bodyText, exchange.ResponseHeaders))[0];
        var expect = new JsonObject
        {
            ["outcome"] = OutcomeNames.NameOf(outcome.Kind),
            ["code"] = outcome.Code is { } code ? ErrorCatalog.NameOf(code) : null,
            ["retryable"] = outcome.Retryable,
            ["rule"] = outcome.RuleId,
        };
        if (outcome.ProviderMessageId is not null) expect["providerMessageId"] = outcome.ProviderMessageId;
        if (outcome.Evidence.ProviderCode is not null) expect["providerCode"] = outcome.Evidence.ProviderCode;

        var mapping = new JsonObject
        {
            ["Title"] = $"{provider} {operation}: recorded {exchange.Status} → {OutcomeNames.NameOf(outcome.Kind)} {expect["code"]?.GetValue<string>() ?? ""}".TrimEnd(),
            ["Request"] = request,
            ["Response"] = response,
            ["Data"] = new JsonObject
            {
                ["expect"] = expect,
                ["source"] = $"recorded by `fixtures record` from {target} on {time.GetUtcNow():yyyy-MM-dd}; expect filled by the mapper: review it against the provider's documentation",
            },
        };
        var name = $"recorded-{outcome.RuleId.Replace('.', '-')}-{key}.json";
        return ($"{provider}/{operation}/{name}", mapping.ToJsonString(Indented) + "\n");
    }

    private (string Operation, string Key, JsonObject Request)? MetaRoute(RecordedExchange exchange)
    {
        var segments = exchange.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return null;
        var key = "19" + run + (++serial).ToString("D3", CultureInfo.InvariantCulture);
        var rest = string.Join('/', segments[2..]);
        var (operation, path) = (exchange.Method, rest) switch
        {
            ("POST", "messages") => (IsTemplate(exchange.RequestBody) ? "send-template" : "send-text", $"/v*/{key}/messages"),
            ("GET", "") => ("graph-waba", $"/v*/{key}"),
            ("GET", "message_templates") => ("graph-templates", $"/v*/{key}/message_templates"),
            ("GET", "phone_numbers") => ("graph-phone-numbers", $"/v*/{key}/phone_numbers"),
            _ => ((string?)null, (string?)null),
        };
        if (operation is null) return null;
        var request = Request(path!, exchange.Method, "Authorization", "Bearer *");
        if (exchange.Method == "POST")
            request["Body"] = Partial(new JsonObject { ["messaging_product"] = "whatsapp", ["type"] = operation == "send-template" ? "template" : "text" });
        return (operation, key, request);
    }

    private (string Operation, string Key, JsonObject Request)? EvolutionRoute(RecordedExchange exchange)
    {
        var key = $"rec-{run}-{++serial:D3}";
        var segments = exchange.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var route = segments.Length >= 2 ? $"{segments[0]}/{segments[1]}" : exchange.Path.Trim('/');
        var (operation, path) = (exchange.Method, route) switch
        {
            ("POST", "message/sendText") => ("send-text", $"/message/sendText/{key}"),
            ("POST", "chat/whatsappNumbers") => ("whatsapp-numbers", $"/chat/whatsappNumbers/{key}"),
            ("GET", "instance/connectionState") => ("connection-state", $"/instance/connectionState/{key}"),
            ("GET", "instance/fetchInstances") => ("fetch-instances", "/instance/fetchInstances"),
            ("POST", "instance/create") => ("instance", "/instance/create"),
            ("POST", "instance/restart") => ("instance", $"/instance/restart/{key}"),
            ("DELETE", "instance/logout") => ("instance", $"/instance/logout/{key}"),
            ("DELETE", "instance/delete") => ("instance", $"/instance/delete/{key}"),
            _ => ((string?)null, (string?)null),
        };
        if (operation is null) return null;
        var request = Request(path!, exchange.Method, "apikey", "*");
        if (operation == "fetch-instances")
            request["Params"] = new JsonArray(new JsonObject { ["Name"] = "instanceName", ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = key }) });
        if (route == "instance/create") request["Body"] = Partial(new JsonObject { ["instanceName"] = key });
        return (operation, key, request);
    }

    private static JsonObject Request(string path, string method, string authHeader, string authPattern) => new()
    {
        ["Path"] = new JsonObject { ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "WildcardMatcher", ["Pattern"] = path }) },
        ["Methods"] = new JsonArray(method),
        ["Headers"] = new JsonArray(new JsonObject
        {
            ["Name"] = authHeader,
            ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "WildcardMatcher", ["Pattern"] = authPattern }),
        }),
    };

    private static JsonObject Partial(JsonObject pattern) => new() { ["Matcher"] = new JsonObject { ["Name"] = "JsonPartialMatcher", ["Pattern"] = pattern } };

    private (JsonNode? Json, string? Text) CleanBody(string? body)
    {
        if (string.IsNullOrEmpty(body)) return (null, body);
        try
        {
            return (sanitizer.Clean(JsonNode.Parse(body)), null);
        }
        catch (JsonException)
        {
            return (null, sanitizer.CleanText(body));
        }
    }

    private static bool IsTemplate(string? body)
    {
        try
        {
            return body is not null && JsonNode.Parse(body)?["type"]?.GetValue<string>() == "template";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
