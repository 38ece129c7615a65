using Microsoft.Data.Sqlite;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// The SQLite schema as an ordered list of migration steps; step <c>n</c> (1-based) is schema version <c>n</c>.
/// Append a step to change the schema; never edit one that has shipped, a database may already have applied it.
/// Times are unix milliseconds (UTC); enum values are stored by their wire names.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The migration steps, oldest first.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE connections (
            id                TEXT    NOT NULL PRIMARY KEY,
            provider          TEXT    NOT NULL,
            number            TEXT    NOT NULL,
            settings_json     TEXT    NOT NULL,
            protected_secrets TEXT    NOT NULL,
            template_only     INTEGER NOT NULL,
            created_at        INTEGER NOT NULL
        );
        CREATE INDEX ix_connections_number ON connections (number);
        """,

        // No foreign key to connections: a key outlives its connection (its messages then fail with
        // LINKED_WHATSAPP_INSTANCE_NOT_FOUND).
        """
        CREATE TABLE api_keys (
            id            TEXT    NOT NULL PRIMARY KEY,
            key_hash      TEXT    NOT NULL UNIQUE,
            connection_id TEXT    NOT NULL,
            created_at    INTEGER NOT NULL
        );
        """,

        // A template belongs to its connection's provider account, so it goes with the connection.
        """
        CREATE TABLE templates (
            connection_id TEXT    NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
            name          TEXT    NOT NULL,
            language      TEXT    NOT NULL,
            version       TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            body_text     TEXT,
            updated_at    INTEGER NOT NULL,
            PRIMARY KEY (connection_id, name, language, version)
        );
        CREATE INDEX ix_templates_newest ON templates (connection_id, name, language, updated_at);
        """,

        // SQLite treats NULLs as distinct in a UNIQUE index, so messages without an idempotency key never collide.
        """
        CREATE TABLE messages (
            id                  TEXT    NOT NULL PRIMARY KEY,
            api_key_id          TEXT    NOT NULL,
            connection_id       TEXT,
            provider            TEXT,
            to_number           TEXT    NOT NULL,
            text                TEXT,
            template_json       TEXT,
            status              TEXT    NOT NULL,
            error_code          TEXT,
            error_message       TEXT,
            provider_code       TEXT,
            provider_message_id TEXT,
            attempts            INTEGER NOT NULL,
            idempotency_key     TEXT,
            created_at          INTEGER NOT NULL,
            sent_at             INTEGER,
            delivered_at        INTEGER,
            failed_at           INTEGER,
            deliver_until       INTEGER NOT NULL,
            next_attempt_at     INTEGER
        );
        CREATE UNIQUE INDEX ux_messages_idempotency ON messages (api_key_id, idempotency_key);
        CREATE INDEX ix_messages_due ON messages (status, next_attempt_at);
        """,

        // Webhooks find messages by the provider's id (Meta wamid, Evolution key.id).
        """
        CREATE INDEX ix_messages_provider_id ON messages (provider, provider_message_id);
        """,

        // Webhook events for messages the gateway does not know (yet): kept for reconciliation, never dropped.
        """
        CREATE TABLE unmatched_webhook_events (
            id                  INTEGER PRIMARY KEY AUTOINCREMENT,
            provider            TEXT NOT NULL,
            provider_message_id TEXT,
            callback_data       TEXT,
            connection_key      TEXT,
            outcome             TEXT NOT NULL,
            error_code          TEXT,
            provider_code       TEXT,
            received_at         INTEGER NOT NULL
        );
        CREATE INDEX ix_unmatched_provider_id ON unmatched_webhook_events (provider, provider_message_id);
        """,
    ];

    /// <summary>
    /// Applies the steps the database has not seen yet, all in one <c>BEGIN IMMEDIATE</c> transaction so that
    /// gateways starting together on one file migrate it once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database was migrated by a newer gateway.</exception>
    public static async Task MigrateAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite has no asynchronous BEGIN; its async methods complete synchronously anyway.
        await using var transaction = connection.BeginTransaction(deferred: false);

        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText =
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        if (current > Steps.Count)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}; this gateway knows versions up to {Steps.Count}.");
        }

        for (var version = (int)current + 1; version <= Steps.Count; version++)
        {
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Steps[version - 1] + "\nINSERT INTO schema_version (version, applied_at) VALUES ($version, $applied_at);";
            step.Parameters.AddWithValue("$version", version);
            step.Parameters.AddWithValue("$applied_at", now.ToUnixTimeMilliseconds());
            await step.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
