namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>What a provider can send; the gateway's pre-send checks read it.</summary>
/// <param name="FreeFormText">Free-form text is supported (Meta: inside the 24 h window; Baileys: always).</param>
/// <param name="NativeTemplates">Templates are sent as templates (Meta); otherwise the gateway renders them into text first.</param>
public sealed record ProviderCapabilities(bool FreeFormText, bool NativeTemplates);
