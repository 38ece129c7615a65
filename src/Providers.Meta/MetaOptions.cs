using System.ComponentModel.DataAnnotations;
using PilotStatus.Gateway.Abstractions.Providers;

namespace PilotStatus.Gateway.Providers.Meta;

/// <summary>Settings of the Meta Cloud API provider; tokens are per connection, never here.</summary>
public sealed class MetaOptions : ProviderHttpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Providers:Meta";

    /// <summary>Graph API base address (a WireMock double in tests and the sandbox).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>Graph API version, <c>vNN.N</c>.</summary>
    [Required]
    [RegularExpression(@"^v\d{1,3}\.\d{1,2}$", ErrorMessage = "GraphVersion must look like v23.0.")]
    public string GraphVersion { get; set; } = "v23.0";

    /// <summary>Templates read per page during Sync with Meta.</summary>
    [Range(1, 1000)]
    public int TemplatePageSize { get; set; } = 200;
}
