using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>The setting keys a Meta connection carries in <see cref="ProviderConnection.Settings"/>.</summary>
public static class MetaConnectionSettings
{
    /// <summary>The business phone number's Graph id (not the number, not the WABA id).</summary>
    public const string PhoneNumberId = "phoneNumberId";

    /// <summary>The WhatsApp Business Account id.</summary>
    public const string WabaId = "wabaId";

    /// <summary>The System User token (secret).</summary>
    public const string SystemToken = "systemToken";

    /// <summary>"true" when the number takes template messages only.</summary>
    public const string TemplateOnly = "templateOnly";
}
