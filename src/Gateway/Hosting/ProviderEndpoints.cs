using PilotStatus.Gateway.Providers.Baileys;
using PilotStatus.Gateway.Providers.Meta;

namespace PilotStatus.Gateway.Hosting;

/// <summary>Overrides of each provider's options, applied after configuration (tests, sandbox, fixtures verify).</summary>
internal sealed class ProviderEndpoints
{
    /// <summary>Changes to the Meta options.</summary>
    public Action<MetaOptions>? Meta { get; set; }

    /// <summary>Changes to the Baileys (Evolution API) options.</summary>
    public Action<BaileysOptions>? Baileys { get; set; }
}
