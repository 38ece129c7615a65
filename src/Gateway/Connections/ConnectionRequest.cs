using PilotStatus.Gateway.Messages;
using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Providers.Meta;

namespace PilotStatus.Gateway.Connections;

/// <summary>
/// <c>POST /v1/connections</c>: <c>{"provider":"meta","number","phoneNumberId","wabaId","systemToken","templateOnly"?}</c>
/// or <c>{"provider":"baileys","number","serverUrl","instanceName","apiKey"}</c> (DESIGN.md).
/// </summary>
internal sealed record ConnectionRequest(
    string? Provider,
    string? Number,
    string? PhoneNumberId,
    string? WabaId,
    string? SystemToken,
    bool? TemplateOnly,
    string? ServerUrl,
    string? InstanceName,
    string? ApiKey)
{
    /// <summary>The settings split into what may be shown and what is secret, or the reason the request is invalid.</summary>
    public (string Number, Dictionary<string, string> Settings, Dictionary<string, string> Secrets)? Validate(out string? problem)
    {
        problem = null;
        if (Destination.OwnNumber(Number) is not { } number)
        {
            problem = "\"number\" must be a valid WhatsApp number in E.164 (+15551230000).";
            return null;
        }

        switch (Provider)
        {
            case "meta" when Present(PhoneNumberId, WabaId, SystemToken):
                return (number,
                    new() { [MetaConnectionSettings.PhoneNumberId] = PhoneNumberId!, [MetaConnectionSettings.WabaId] = WabaId!, [MetaConnectionSettings.TemplateOnly] = TemplateOnly == true ? "true" : "false" },
                    new() { [MetaConnectionSettings.SystemToken] = SystemToken! });
            case "meta":
                problem = "A Meta connection needs \"phoneNumberId\", \"wabaId\" and \"systemToken\".";
                return null;
            case "baileys" when Present(InstanceName, ApiKey) && Uri.TryCreate(ServerUrl, UriKind.Absolute, out var server) && server.Scheme is "http" or "https":
                return (number,
                    new() { [BaileysConnectionSettings.ServerUrl] = server.ToString(), [BaileysConnectionSettings.InstanceName] = InstanceName! },
                    new() { [BaileysConnectionSettings.ApiKey] = ApiKey! });
            case "baileys":
                problem = "A Baileys connection needs \"serverUrl\" (http or https), \"instanceName\" and \"apiKey\".";
                return null;
            default:
                problem = "\"provider\" must be \"meta\" or \"baileys\".";
                return null;
        }
    }

    private static bool Present(params string?[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
