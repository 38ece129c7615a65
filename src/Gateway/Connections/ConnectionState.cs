namespace PilotStatus.Gateway.Connections;

/// <summary>What a connection's provider last said about it.</summary>
internal enum ConnectionState
{
    /// <summary>Usable (the default; Meta numbers are always open).</summary>
    Open,

    /// <summary>The provider said it is disconnected (Evolution <c>connection.update</c> close): its messages stay QUEUED, unattempted.</summary>
    Down,

    /// <summary>The instance is gone at its server (logout, remove): its messages fail with NUMBER_NOT_FOUND_REMOVED.</summary>
    Removed,
}
