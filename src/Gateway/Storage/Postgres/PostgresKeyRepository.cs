using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace PilotStatus.Gateway.Storage.Postgres;

/// <summary>
/// ASP.NET Core Data Protection keys in the <c>data_protection_keys</c> table, so every replica decrypts the connection
/// secrets any replica stored. The interface is synchronous; keys are read once per key ring refresh.
/// </summary>
internal sealed class PostgresKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY name");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = dataSource.CreateCommand("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter("name", friendlyName));
        command.Parameters.Add(new NpgsqlParameter("xml", element.ToString(SaveOptions.DisableFormatting)));
        command.ExecuteNonQuery();
    }
}
