using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using PilotStatus.Gateway.Abstractions.Errors;
using PilotStatus.Gateway.Connections;
using PilotStatus.Gateway.Messages;

namespace PilotStatus.Gateway.Storage;

/// <summary>
/// How each record maps to its row, for both engines. Every column list names the parameters too (<c>@column</c>)
/// and fixes the ordinals its reader uses, so a column is added in one place.
/// </summary>
internal static class SqlRows
{
    /// <summary>The columns of <c>connections</c>, in reader order.</summary>
    public const string ConnectionColumns = "id, provider, number, settings_json, protected_secrets, template_only, created_at, state, state_changed_at";

    /// <summary>The columns of <c>api_keys</c>, in reader order.</summary>
    public const string ApiKeyColumns = "id, key_hash, connection_id, created_at";

    /// <summary>The columns of <c>templates</c>, in reader order.</summary>
    public const string TemplateColumns = "connection_id, name, language, version, status, body_text, updated_at";

    /// <summary>The columns of <c>messages</c>, in reader order.</summary>
    public const string MessageColumns =
        "id, api_key_id, connection_id, provider, to_number, text, template_json, status, error_code, error_message, " +
        "provider_code, provider_message_id, attempts, idempotency_key, created_at, sent_at, delivered_at, failed_at, " +
        "deliver_until, next_attempt_at, contact_id";

    /// <summary><c>@a, @b</c> for the columns <c>a, b</c>.</summary>
    public static string Parameters(string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => "@" + column));

    /// <summary><c>a = @a, b = @b</c> for the columns <c>a, b</c>.</summary>
    public static string Assignments(string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => $"{column} = @{column}"));

    /// <summary>The stored name of a status: its SPEC.md spelling (<c>QUEUED</c>).</summary>
    public static string StatusName(MessageStatus status) => status switch
    {
        MessageStatus.Queued => "QUEUED",
        MessageStatus.Sent => "SENT",
        MessageStatus.Delivered => "DELIVERED",
        MessageStatus.Failed => "FAILED",
        MessageStatus.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a message status."),
    };

    /// <summary>Binds <paramref name="connection"/> to the <see cref="ConnectionColumns"/> parameters.</summary>
    public static void Bind(DbCommand command, ConnectionRecord connection)
    {
        command.Add("@id", connection.Id);
        command.Add("@provider", connection.Provider);
        command.Add("@number", connection.Number);
        command.Add("@settings_json", WriteSettings(connection.Settings));
        command.Add("@protected_secrets", connection.ProtectedSecrets);
        command.Add("@template_only", connection.TemplateOnly);
        command.Add("@created_at", connection.CreatedAt.ToUnixTimeMilliseconds());
        command.Add("@state", StateName(connection.State));
        command.Add("@state_changed_at", connection.StateChangedAt?.ToUnixTimeMilliseconds());
    }

    /// <summary>Binds <paramref name="key"/> to the <see cref="ApiKeyColumns"/> parameters.</summary>
    public static void Bind(DbCommand command, ApiKeyRecord key)
    {
        command.Add("@id", key.Id);
        command.Add("@key_hash", key.KeyHash);
        command.Add("@connection_id", key.ConnectionId);
        command.Add("@created_at", key.CreatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>Binds <paramref name="template"/> to the <see cref="TemplateColumns"/> parameters.</summary>
    public static void Bind(DbCommand command, TemplateRecord template)
    {
        command.Add("@connection_id", template.ConnectionId);
        command.Add("@name", template.Name);
        command.Add("@language", template.Language);
        command.Add("@version", template.Version);
        command.Add("@status", template.Status);
        command.Add("@body_text", template.BodyText);
        command.Add("@updated_at", template.UpdatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>Binds <paramref name="message"/> to the <see cref="MessageColumns"/> parameters.</summary>
    public static void Bind(DbCommand command, MessageRecord message)
    {
        command.Add("@id", message.Id);
        command.Add("@api_key_id", message.ApiKeyId);
        command.Add("@connection_id", message.ConnectionId);
        command.Add("@provider", message.Provider);
        command.Add("@to_number", message.To);
        command.Add("@text", message.Text);
        command.Add("@template_json", message.TemplateJson);
        command.Add("@status", StatusName(message.Status));
        command.Add("@error_code", message.ErrorCode is { } code ? ErrorCatalog.NameOf(code) : null);
        command.Add("@error_message", message.ErrorMessage);
        command.Add("@provider_code", message.ProviderCode);
        command.Add("@provider_message_id", message.ProviderMessageId);
        command.Add("@attempts", message.Attempts);
        command.Add("@idempotency_key", message.IdempotencyKey);
        command.Add("@created_at", message.CreatedAt.ToUnixTimeMilliseconds());
        command.Add("@sent_at", message.SentAt?.ToUnixTimeMilliseconds());
        command.Add("@delivered_at", message.DeliveredAt?.ToUnixTimeMilliseconds());
        command.Add("@failed_at", message.FailedAt?.ToUnixTimeMilliseconds());
        command.Add("@deliver_until", message.DeliverUntil.ToUnixTimeMilliseconds());
        command.Add("@next_attempt_at", message.NextAttemptAt?.ToUnixTimeMilliseconds());
        command.Add("@contact_id", message.ContactId);
    }

    /// <summary>Reads a row selected with <see cref="ConnectionColumns"/>.</summary>
    public static ConnectionRecord ReadConnection(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        Provider = row.GetString(1),
        Number = row.GetString(2),
        Settings = ReadSettings(row.GetString(3)),
        ProtectedSecrets = row.GetString(4),
        TemplateOnly = row.GetBoolean(5),
        CreatedAt = Time(row, 6),
        State = ParseState(row.GetString(7)),
        StateChangedAt = OptionalTime(row, 8),
    };

    /// <summary>Reads a row selected with <see cref="ApiKeyColumns"/>.</summary>
    public static ApiKeyRecord ReadApiKey(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), Time(row, 3));

    /// <summary>Reads a row selected with <see cref="TemplateColumns"/>.</summary>
    public static TemplateRecord ReadTemplate(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4),
            Text(row, 5), Time(row, 6));

    /// <summary>Reads a row selected with <see cref="MessageColumns"/>.</summary>
    public static MessageRecord ReadMessage(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        ApiKeyId = row.GetString(1),
        ConnectionId = Text(row, 2),
        Provider = Text(row, 3),
        To = row.GetString(4),
        Text = Text(row, 5),
        TemplateJson = Text(row, 6),
        Status = ParseStatus(row.GetString(7)),
        ErrorCode = Text(row, 8) is { } name ? ParseErrorCode(name) : null,
        ErrorMessage = Text(row, 9),
        ProviderCode = Text(row, 10),
        ProviderMessageId = Text(row, 11),
        Attempts = row.GetInt32(12),
        IdempotencyKey = Text(row, 13),
        CreatedAt = Time(row, 14),
        SentAt = OptionalTime(row, 15),
        DeliveredAt = OptionalTime(row, 16),
        FailedAt = OptionalTime(row, 17),
        DeliverUntil = Time(row, 18),
        NextAttemptAt = OptionalTime(row, 19),
        ContactId = Text(row, 20),
    };

    /// <summary>The stored name of a connection state.</summary>
    public static string StateName(ConnectionState state) => state switch
    {
        ConnectionState.Open => "open",
        ConnectionState.Down => "down",
        ConnectionState.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a connection state."),
    };

    /// <summary>Adds the parameter <paramref name="name"/> (<c>@name</c>); null is stored as NULL.</summary>
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The text in column <paramref name="ordinal"/>, or null.</summary>
    public static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    /// <summary>The unix-milliseconds time in column <paramref name="ordinal"/>.</summary>
    public static DateTimeOffset Time(DbDataReader row, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));

    /// <summary>The unix-milliseconds time in column <paramref name="ordinal"/>, or null.</summary>
    public static DateTimeOffset? OptionalTime(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : Time(row, ordinal);

    // A stored value this gateway cannot read means the file was edited or written by a newer version: a bug, not an answer.
    private static MessageStatus ParseStatus(string name) => name switch
    {
        "QUEUED" => MessageStatus.Queued,
        "SENT" => MessageStatus.Sent,
        "DELIVERED" => MessageStatus.Delivered,
        "FAILED" => MessageStatus.Failed,
        "CANCELED" => MessageStatus.Canceled,
        _ => throw new InvalidDataException($"Unknown message status '{name}' in messages.status."),
    };

    private static ConnectionState ParseState(string name) => name switch
    {
        "open" => ConnectionState.Open,
        "down" => ConnectionState.Down,
        "removed" => ConnectionState.Removed,
        _ => throw new InvalidDataException($"Unknown connection state '{name}' in connections.state."),
    };

    /// <summary>A stored error code name read back.</summary>
    public static ErrorCode ParseErrorCode(string name) =>
        ErrorCatalog.TryParse(name, out var code)
            ? code
            : throw new InvalidDataException($"Unknown error code '{name}' in an error_code column.");

    // Utf8JsonWriter/JsonDocument rather than JsonSerializer: no reflection, so it stays trim- and AOT-safe.
    private static string WriteSettings(IReadOnlyDictionary<string, string> settings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in settings.OrderBy(setting => setting.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, string> ReadSettings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            settings[property.Name] = property.Value.GetString() ?? "";
        }

        return settings;
    }
}
