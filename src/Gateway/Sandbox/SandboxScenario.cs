namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// One sandbox scenario as <c>GET /sandbox/scenarios</c> lists it (DESIGN.md): send that message and it ends in
/// <see cref="Expect"/>. <see cref="Answers"/> are the fixture files the provider double answers with, in order
/// (the last one repeats); none for scenarios a pre-send check decides. <see cref="Callbacks"/> are the webhooks the
/// double sends after its last answer, as the real provider would.
/// </summary>
internal sealed record SandboxScenario(
    string Name,
    string Provider,
    string ApiKey,
    string To,
    string? Text,
    SandboxTemplate? Template,
    int? DeliverUntilSeconds,
    SandboxExpectation Expect,
    IReadOnlyList<string> Answers,
    IReadOnlyList<SandboxCallback> Callbacks);

/// <summary>The template a scenario sends.</summary>
internal sealed record SandboxTemplate(string Name, string Language);

/// <summary>Where a scenario's message ends.</summary>
internal sealed record SandboxExpectation(string Status, string? ErrorCode);
