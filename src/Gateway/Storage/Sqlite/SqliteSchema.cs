namespace PilotStatus.Gateway.Storage.Sqlite;

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

        // Replicas lease due messages (lease_owner/lease_until); the id the provider gave the recipient (Meta wa_id,
        // Evolution jid) is kept with the message; connections remember whether their provider said they are down;
        // kept webhook events carry what reconciling them needs; contacts remember when they last wrote (24 h window).
        """
        ALTER TABLE messages ADD COLUMN lease_owner TEXT;
        ALTER TABLE messages ADD COLUMN lease_until INTEGER;
        ALTER TABLE messages ADD COLUMN contact_id TEXT;
        ALTER TABLE connections ADD COLUMN state TEXT NOT NULL DEFAULT 'open';
        ALTER TABLE connections ADD COLUMN state_changed_at INTEGER;
        ALTER TABLE unmatched_webhook_events ADD COLUMN rule_id TEXT;
        ALTER TABLE unmatched_webhook_events ADD COLUMN provider_message TEXT;
        ALTER TABLE unmatched_webhook_events ADD COLUMN occurred_at INTEGER;
        ALTER TABLE unmatched_webhook_events ADD COLUMN reconciled_message_id TEXT;
        CREATE INDEX ix_unmatched_callback ON unmatched_webhook_events (provider, callback_data);
        CREATE TABLE contacts (
            connection_id   TEXT    NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
            contact_id      TEXT    NOT NULL,
            number          TEXT,
            last_inbound_at INTEGER,
            updated_at      INTEGER NOT NULL,
            PRIMARY KEY (connection_id, contact_id)
        );
        CREATE INDEX ix_contacts_number ON contacts (connection_id, number);
        """,
    ];
}
