namespace PilotStatus.Gateway.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as ordered migration steps; step <c>n</c> (1-based) is schema version <c>n</c>. The same
/// tables and columns as <see cref="Sqlite.SqliteSchema"/> (one SQL text serves both), in PostgreSQL's types.
/// Append a step to change the schema; never edit one that has shipped.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The migration steps, oldest first.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        // Step 1 is SQLite's steps 1 to 7 in one: PostgreSQL storage started at that schema.
        """
        CREATE TABLE connections (
            id                TEXT    NOT NULL PRIMARY KEY,
            provider          TEXT    NOT NULL,
            number            TEXT    NOT NULL,
            settings_json     TEXT    NOT NULL,
            protected_secrets TEXT    NOT NULL,
            template_only     BOOLEAN NOT NULL,
            created_at        BIGINT  NOT NULL,
            state             TEXT    NOT NULL DEFAULT 'open',
            state_changed_at  BIGINT
        );
        CREATE INDEX ix_connections_number ON connections (number);

        CREATE TABLE api_keys (
            id            TEXT   NOT NULL PRIMARY KEY,
            key_hash      TEXT   NOT NULL UNIQUE,
            connection_id TEXT   NOT NULL,
            created_at    BIGINT NOT NULL
        );

        CREATE TABLE templates (
            connection_id TEXT   NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
            name          TEXT   NOT NULL,
            language      TEXT   NOT NULL,
            version       TEXT   NOT NULL,
            status        TEXT   NOT NULL,
            body_text     TEXT,
            updated_at    BIGINT NOT NULL,
            PRIMARY KEY (connection_id, name, language, version)
        );
        CREATE INDEX ix_templates_newest ON templates (connection_id, name, language, updated_at);

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
            created_at          BIGINT  NOT NULL,
            sent_at             BIGINT,
            delivered_at        BIGINT,
            failed_at           BIGINT,
            deliver_until       BIGINT  NOT NULL,
            next_attempt_at     BIGINT,
            lease_owner         TEXT,
            lease_until         BIGINT,
            contact_id          TEXT
        );
        -- NULLs are distinct in a unique index, so messages without an idempotency key never collide.
        CREATE UNIQUE INDEX ux_messages_idempotency ON messages (api_key_id, idempotency_key);
        CREATE INDEX ix_messages_due ON messages (status, next_attempt_at);
        CREATE INDEX ix_messages_provider_id ON messages (provider, provider_message_id);
        CREATE INDEX ix_messages_created ON messages (created_at, id);

        CREATE TABLE unmatched_webhook_events (
            id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            provider              TEXT   NOT NULL,
            provider_message_id   TEXT,
            callback_data         TEXT,
            connection_key        TEXT,
            outcome               TEXT   NOT NULL,
            error_code            TEXT,
            provider_code         TEXT,
            received_at           BIGINT NOT NULL,
            rule_id               TEXT,
            provider_message      TEXT,
            occurred_at           BIGINT,
            reconciled_message_id TEXT
        );
        CREATE INDEX ix_unmatched_provider_id ON unmatched_webhook_events (provider, provider_message_id);
        CREATE INDEX ix_unmatched_callback ON unmatched_webhook_events (provider, callback_data);

        CREATE TABLE contacts (
            connection_id   TEXT   NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
            contact_id      TEXT   NOT NULL,
            number          TEXT,
            last_inbound_at BIGINT,
            updated_at      BIGINT NOT NULL,
            PRIMARY KEY (connection_id, contact_id)
        );
        CREATE INDEX ix_contacts_number ON contacts (connection_id, number);

        -- ASP.NET Core Data Protection keys: every replica must decrypt the connection secrets any replica stored.
        CREATE TABLE data_protection_keys (
            name TEXT NOT NULL PRIMARY KEY,
            xml  TEXT NOT NULL
        );
        """,
    ];
}
