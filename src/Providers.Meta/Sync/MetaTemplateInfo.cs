namespace PilotStatus.Gateway.Providers.Meta.Sync;

/// <summary>One template as Meta reports it.</summary>
/// <param name="Id">Meta's template id.</param>
/// <param name="Name">Template name.</param>
/// <param name="Language">Language code.</param>
/// <param name="Status">APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …</param>
/// <param name="Category">MARKETING, UTILITY, AUTHENTICATION.</param>
/// <param name="ComponentsJson">The components exactly as Meta sent them.</param>
/// <param name="Version">A short hash of name, language, status and components: changes when Meta's content changes.</param>
public sealed record MetaTemplateInfo(string Id, string Name, string Language, string Status, string? Category, string ComponentsJson, string Version)
{
    /// <summary>The body component's text with its <c>{{n}}</c> placeholders, when there is one.</summary>
    public string? BodyText { get; init; }
}
