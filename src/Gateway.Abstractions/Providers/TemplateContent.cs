namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>A template message as the registry knows it.</summary>
/// <param name="Name">Template name.</param>
/// <param name="Language">Language code (<c>en_US</c>).</param>
/// <param name="Parameters">Body parameters in order ({{1}}, {{2}}, …).</param>
/// <param name="BodyText">The registered body text with <c>{{n}}</c> placeholders, for providers that render templates into text.</param>
public sealed record TemplateContent(string Name, string Language, IReadOnlyList<string> Parameters, string? BodyText = null)
{
    /// <summary>The body text with every <c>{{n}}</c> replaced by its parameter; unknown placeholders stay as written.</summary>
    public string? Render()
    {
        if (BodyText is null) return null;
        var text = BodyText;
        for (var i = 0; i < Parameters.Count; i++)
            text = text.Replace("{{" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}", Parameters[i], StringComparison.Ordinal);
        return text;
    }
}
