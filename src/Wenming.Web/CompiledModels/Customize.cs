using Wenming.Web.Platform.Data;

// The generated EF Core models of AppDbContext, one per database (ADR 0078): Sqlite/ and Postgres/ are written by
// tests/Wenming.UnitTests/CompiledModelTests; this is their hand-written half. They sit beside Composition, not in
// the platform, because they name every module's entities; the platform finds them by name (CompiledModel.For).
namespace Wenming.Web.CompiledModels.Sqlite
{
    public partial class AppDbContextModel
    {
        partial void Customize() => CompiledModel.AddQueryFilters(this);
    }
}

namespace Wenming.Web.CompiledModels.Postgres
{
    public partial class AppDbContextModel
    {
        partial void Customize() => CompiledModel.AddQueryFilters(this);
    }
}
