namespace PilotStatus.Gateway.Tests;

/// <summary>Tests that read or write the repository's docs/ run one at a time (the walk regenerates docs/error-codes.md).</summary>
[CollectionDefinition(Name)]
public sealed class RepositoryDocs
{
    public const string Name = "repository docs";
}
