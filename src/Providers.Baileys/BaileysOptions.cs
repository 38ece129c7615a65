using System.ComponentModel.DataAnnotations;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Baileys;

/// <summary>Settings of the Baileys (Evolution API) provider; servers, instances and keys are per connection, never here.</summary>
public sealed class BaileysOptions : ProviderHttpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Providers:Baileys";

    /// <summary>
    /// The HTTP client's base address. Every request is rewritten to its connection's <c>serverUrl</c>, so this host
    /// is never called; the <c>.invalid</c> default makes a request that escaped the rewrite fail to resolve.
    /// </summary>
    [Required]
    public Uri PlaceholderBaseUrl { get; set; } = new("http://evolution.invalid/");

}
