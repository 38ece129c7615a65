namespace PilotStatus.Gateway.Abstractions.Providers;

/// <summary>The wire names of <see cref="OutcomeKind"/> (<c>connection-down</c>), as classify and fixtures spell them.</summary>
public static class OutcomeNames
{
    private static readonly string[] Names = ["sent", "delivered", "read", "failed", "retry", "connection-down", "connection-removed", "ignored"];

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string NameOf(OutcomeKind kind) => Names[(int)kind];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? name, out OutcomeKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? default : (OutcomeKind)index;
        return index >= 0;
    }
}
