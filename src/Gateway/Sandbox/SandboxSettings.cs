namespace PilotStatus.Gateway.Sandbox;

/// <summary>
/// The gateway's settings in sandbox mode: the fixed credentials, the doubles as providers, and timings short enough
/// that every scenario, deadlines included, ends within a minute.
/// </summary>
internal static class SandboxSettings
{
    /// <summary>Command-line settings added after the user's, so they win.</summary>
    public static string[] Args(SandboxDoubles doubles) =>
    [
        "--Gateway:Sandbox=true",
        $"--Gateway:AdminToken={SandboxScenarios.AdminToken}",
        $"--Providers:Meta:BaseUrl={doubles.Url}",
        // The Meta double signs its callbacks with this app secret, so they pass the real signature check.
        $"--Gateway:Webhooks:Meta:AppSecret={SandboxScenarios.MetaAppSecret}",
        $"--Gateway:Webhooks:Meta:VerifyToken={SandboxScenarios.MetaVerifyToken}",
        // Retries 1, 2, 4, 8 s apart: the fifth and last attempt comes 15 s after the first at the earliest, so a
        // transient failure with a 14 s deliverUntil expires after attempts, and one with no deadline runs out of
        // attempts within 20 s.
        "--Gateway:Dispatcher:BaseBackoff=00:00:01", "--Gateway:Dispatcher:MaxBackoff=00:00:08",
        // A message sent with no deliverUntil lives 40 s, not 7 days: NEVER_ATTEMPTED_MAX_AGE_EXCEEDED shows within a minute.
        "--Gateway:DefaultDeliverUntil=00:00:40",
        // Deadlines are checked every second: a scenario's short deliverUntil ends it about a second later.
        "--Gateway:Sweeper:Interval=00:00:01",
    ];
}
