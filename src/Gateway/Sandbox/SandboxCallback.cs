namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// One webhook the provider double sends back after it accepted a scenario's message: the recorded webhook
/// <paramref name="Fixture"/> (under <c>fixtures/</c>), carrying this send's ids, <paramref name="After"/> the answer.
/// </summary>
internal sealed record SandboxCallback(string Fixture, TimeSpan After);
