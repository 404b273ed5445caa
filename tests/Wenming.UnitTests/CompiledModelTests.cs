using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.UnitTests;

/// <summary>
/// The generated EF Core models (src/Wenming.Web/CompiledModels, ADR 0078) are what every context runs
/// on. They must be what the entity configurations build: the first test generates them again and compares the code
/// file by file; the second reads every entity type under a restricted and an unrestricted caller through a context
/// on the generated model and one on a model built from the configurations, and compares the SQL, scope and county
/// filters included. No database is opened: the SQL is only generated.
/// </summary>
/// <remarks>
/// After a change to an entity or its configuration, regenerate with
/// <c>WENMING_WRITE_COMPILED_MODEL=1 dotnet test tests/Wenming.UnitTests --filter CompiledModelTests</c>
/// (docs/testing.md) and commit the changed files.
/// </remarks>
public sealed partial class CompiledModelTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public void GeneratedModel_IsWhatTheEntityConfigurationsBuild(DatabaseProvider provider)
    {
        var generated = Generate(provider);
        var folder = Path.Combine(Repository.Root(), "src/Wenming.Web/CompiledModels", provider.ToString());
        if (Environment.GetEnvironmentVariable("WENMING_WRITE_COMPILED_MODEL") == "1")
        {
            foreach (var stale in Directory.GetFiles(folder, "*.cs"))
            {
                File.Delete(stale);
            }

            foreach (var (name, code) in generated)
            {
                File.WriteAllText(Path.Combine(folder, name), code);
            }
        }

        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        var changed = generated.Where(f => !committed.TryGetValue(f.Key, out var code) || code != f.Value).Select(f => f.Key)
            .Concat(committed.Keys.Where(name => !generated.ContainsKey(name)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(changed.Count == 0,
            $"The compiled {provider} model is not what the entity configurations build; regenerate it " +
            $"(WENMING_WRITE_COMPILED_MODEL=1 dotnet test tests/Wenming.UnitTests --filter CompiledModelTests). Differs: {string.Join(", ", changed)}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryEntityType_ReadsTheSameSql_OnTheGeneratedAndTheBuiltModel(DatabaseProvider provider)
    {
        using var compiled = Context(provider, CompiledModel.For(provider)!);
        using var built = Context(provider, model: null);
        Assert.NotSame(compiled.Model, built.Model);

        var types = built.Model.GetEntityTypes().Select(t => t.ClrType).ToList();
        Assert.Equal(types.Select(t => t.FullName).Order(StringComparer.Ordinal),
            compiled.Model.GetEntityTypes().Select(t => t.ClrType.FullName).Order(StringComparer.Ordinal));

        var filtered = new Dictionary<bool, int>();
        foreach (var restricted in new[] { true, false })
        {
            Bind(compiled, restricted);
            Bind(built, restricted);
            filtered[restricted] = 0;
            foreach (var type in types)
            {
                var expected = Sql(built, type);
                Assert.Equal(expected, Sql(compiled, type));
                filtered[restricted] += expected.Contains("ScopeFrom", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        // The scope filter is on the org tree and every org-scoped row, far more than a handful of entity types, and
        // only for the restricted caller: EF Core drops it from the SQL when the scope is unrestricted.
        Assert.True(filtered[true] > 30, $"Only {filtered[true]} entity types read with the scope filter.");
        Assert.Equal(0, filtered[false]);
    }

    private static void Bind(AppDbContext db, bool restricted)
    {
        var scope = new OrgScope();
        var actor = new CurrentActor();
        if (restricted)
        {
            scope.RestrictTo("/1/5/");
            actor.SignedIn(7, "village1", [Role.StationAdmin], orgUnitId: 5, countyId: 1, personId: null);
        }
        else
        {
            scope.AllowEverything();
            actor.SignedIn(1, "admin", [Role.SystemAdmin], orgUnitId: 1, countyId: null, personId: null);
        }

        db.Bind(scope, actor, TimeProvider.System);
    }

    private static string Sql(AppDbContext db, Type type) =>
        ((IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!).ToQueryString();

    private static AppDbContext Context(DatabaseProvider provider, IModel? model, bool withoutFilters = false)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql("Host=127.0.0.1;Database=none");
        }
        else
        {
            options.UseSqlite("Data Source=:memory:");
        }

        if (model is not null)
        {
            options.UseModel(model);
        }

        if (withoutFilters)
        {
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new WithoutQueryFilters());
        }

        return new AppDbContext(options.Options);
    }

    /// <summary>The compiled model's code as EF Core's generator writes it (the assembly attribute left out: the model is chosen by DatabaseSetup, not discovered).</summary>
    private static Dictionary<string, string> Generate(DatabaseProvider provider)
    {
        using var db = Context(provider, model: null, withoutFilters: true);
        var services = new ServiceCollection();
        services.AddDbContextDesignTimeServices(db);
        var providerAssembly = Assembly.Load(db.GetService<Microsoft.EntityFrameworkCore.Storage.IDatabaseProvider>().Name);
        var designServices = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        ((IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(designServices, throwOnError: true)!)!).ConfigureDesignTimeServices(services);
        services.AddEntityFrameworkDesignTimeServices();
        using var sp = services.BuildServiceProvider();

        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(AppDbContext),
            ModelNamespace = $"Wenming.Web.CompiledModels.{provider}",
            Language = "C#",
        };
        return sp.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options)
            .Where(f => !f.Path.EndsWith("AssemblyAttributes.cs", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => WithStableModelId(f.Code, provider), StringComparer.Ordinal);
    }

    /// <summary>
    /// The generator gives the model a new random id each run; it only has to differ between models, so it is derived
    /// from the code instead, and an unchanged model regenerates to the same files.
    /// </summary>
    private static string WithStableModelId(string code, DatabaseProvider provider)
    {
        var modelId = ModelId();
        var match = modelId.Match(code);
        if (!match.Success)
        {
            return code;
        }

        var placeholder = modelId.Replace(code, "modelId: new Guid(\"\")");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(provider + placeholder));
        return modelId.Replace(code, $"modelId: new Guid(\"{new Guid(hash.AsSpan(0, 16))}\")");
    }

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]*"\)""")]
    private static partial Regex ModelId();
}
