using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// Keeps the data-protection key ring (cookies, bearer and refresh tokens) in the database, so
/// that web nodes behind one load balancer accept each other's tokens and restarts keep sessions.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous by contract, so it runs <see cref="SynchronousCommands"/>: when the key
/// ring is (re)loaded, and once per key rotation. The table is neither audited nor org-scoped, so EF Core's save path
/// would add nothing.
/// </remarks>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Run((command, t) =>
    {
        command.CommandText = $"SELECT {t.Xml} FROM {t.Name} ORDER BY {t.Id}";
        var elements = new List<XElement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    });

    public void StoreElement(XElement element, string friendlyName) => Run((command, t) =>
    {
        command.CommandText = $"INSERT INTO {t.Name} ({t.FriendlyName}, {t.Xml}) VALUES (@name, @xml)";
        command.AddParameter("@name", friendlyName);
        command.AddParameter("@xml", element.ToString(SaveOptions.DisableFormatting));
        return command.ExecuteNonQuery();
    });

    private T Run<T>(Func<DbCommand, KeyTable, T> run)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var type = db.Model.FindEntityType(typeof(DataProtectionKey))!;
        var table = new KeyTable(
            RawStatement.Table(type),
            RawStatement.Name(type, nameof(DataProtectionKey.Id)),
            RawStatement.Name(type, nameof(DataProtectionKey.FriendlyName)),
            RawStatement.Name(type, nameof(DataProtectionKey.Xml)));
        return SynchronousCommands.Run(db, command => run(command, table));
    }

    /// <summary>The key table's quoted names, as the model maps them.</summary>
    private sealed record KeyTable(string Name, string Id, string FriendlyName, string Xml);
}
