namespace Wenming.Web.Platform.Scope;

/// <summary>
/// A row that carries its county, the tenant (DESIGN §2). Besides the org-scope filter, every such entity is
/// filtered by the actor's county when the actor is bound to one, and the county is in the WHERE of EF's
/// UPDATE and DELETE (a concurrency token), so that every hot statement names the county a database
/// distributed by county would route it by (ADR 0036).
/// </summary>
public interface ICountyScoped
{
    long CountyId { get; }
}
