namespace PilotStatus.Gateway.Providers.Meta.Mapping;

/// <summary>The Meta paths a rule applies to; one code can mean different things on each.</summary>
[Flags]
internal enum MetaPath
{
    /// <summary>The answer to <c>POST /messages</c>.</summary>
    Send = 1,

    /// <summary>The answer to a management read (Sync with Meta).</summary>
    Graph = 2,

    /// <summary>An error inside a status webhook (<c>statuses[].errors[]</c>, <c>value.errors[]</c>).</summary>
    Webhook = 4,

    /// <summary>Every path.</summary>
    All = Send | Graph | Webhook,
}
