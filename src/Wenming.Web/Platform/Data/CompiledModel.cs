using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The EF Core model of <see cref="AppDbContext"/> as generated C#, one per database (ADR 0078): building it from the
/// entity configurations took ~1.2 s of CPU at every start, the last step before the first answer (issue 19). The
/// generated code is in src/Wenming.Web/CompiledModels (it names every module's entities, so it is not platform code);
/// tests/Wenming.UnitTests/CompiledModelTests write it and fail when it no longer matches the configurations.
/// </summary>
public static class CompiledModel
{
    /// <summary>
    /// The generated model for this database, found by name as <see cref="AppDbContext"/> finds the entity
    /// configurations; null (the model is then built from the configurations) when there is none.
    /// </summary>
    public static IModel? For(DatabaseProvider provider) => Models[(int)provider];

    private static readonly IModel?[] Models = Enum.GetValues<DatabaseProvider>().Select(Find).ToArray();

    private static IModel? Find(DatabaseProvider provider) =>
        typeof(AppDbContext).Assembly.GetType($"Wenming.Web.CompiledModels.{provider}.AppDbContextModel")
            ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;

    /// <summary>
    /// Adds the scope and county filters to a generated model as it loads. EF Core's generator refuses query filters
    /// (they are expression trees over the context; dotnet/efcore#24897), so the models are generated without them and
    /// get them here, from the same <see cref="AppDbContext.QueryFilters"/> the built model uses: one definition of the
    /// platform's scope, whichever model runs.
    /// </summary>
    internal static void AddQueryFilters(RuntimeModel model)
    {
        // Any instance serves: EF Core replaces the context in a filter by the one that runs the query. This one is
        // never used for anything else (nothing is created until a context is used).
        var template = new AppDbContext(new DbContextOptions<AppDbContext>());
        var types = ((IModel)model).GetEntityTypes().Select(t => t.ClrType).ToList();
        var roots = new SetToQueryRoot(model);
        foreach (var (type, filter) in template.QueryFilters(types))
        {
            var entityType = (RuntimeEntityType)((IModel)model).FindEntityType(type)!;
            // EF1001: put there as EF Core's own RuntimeModelConvention puts a built model's filters (the QueryFilter
            // annotation holding RuntimeQueryFilters), which are internal to EF Core and may change in any release;
            // CompiledModelTests compare every entity type's SQL on both kinds of model, so a change shows there.
#pragma warning disable EF1001
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter,
                new QueryFilterCollection([new RuntimeQueryFilter(null, (LambdaExpression)roots.Visit(filter))]));
#pragma warning restore EF1001
        }
    }

    /// <summary>
    /// <c>context.Set&lt;T&gt;()</c> in a filter becomes the query root of T, as EF Core's QueryFilterRewritingConvention does
    /// for a built model.
    /// </summary>
    private sealed class SetToQueryRoot(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node is { Method.Name: nameof(DbContext.Set), Object: not null, Arguments.Count: 0 } && typeof(DbContext).IsAssignableFrom(node.Object.Type)
                ? new EntityQueryRootExpression(model.FindEntityType(node.Type.GetGenericArguments()[0])!)
                : base.VisitMethodCall(node);
    }
}

/// <summary>
/// An option that leaves the query filters out of the model <see cref="AppDbContext"/> builds: only to generate the
/// compiled models, whose generator refuses them (see <see cref="CompiledModel.AddQueryFilters"/>). A context with it
/// gets EF Core services of its own, so its model never reaches another context's cache.
/// </summary>
internal sealed class WithoutQueryFilters : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "WithoutQueryFilters ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["WithoutQueryFilters"] = "1";
    }
}
