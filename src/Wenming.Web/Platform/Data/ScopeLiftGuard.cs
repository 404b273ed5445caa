using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// Refuses to compile a query in which one part lifts the org scope and another part relies on it.
/// <para>
/// EF Core applies <c>IgnoreQueryFilters()</c> to the whole query, not to the sub-query it is written on:
/// a correlated sub-query that reads past the scope (say, "the row that reversed this one, wherever it
/// is") silently switches the filter off for the outer list as well, and the list then answers rows of
/// every village while its separately counted total still says 0. That is how the points ledger leaked.
/// </para>
/// <para>
/// So a query that calls <c>IgnoreQueryFilters()</c> must call it on every filtered entity it reads;
/// otherwise this guard throws before any SQL runs. The intended shape is two queries: the scoped one,
/// then an unscoped look-up keyed by the ids it returned. The check runs when EF compiles a query shape
/// (once per shape, then cached), so it costs nothing per request.
/// </para>
/// </summary>
public sealed class ScopeLiftGuard : IQueryExpressionInterceptor
{
    public static readonly ScopeLiftGuard Instance = new();

    private ScopeLiftGuard()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var finder = new RootFinder();
        finder.Visit(queryExpression);
        if (finder.LiftedRoots.Count > 0 && finder.ScopedRoots.Count > 0)
        {
            throw new ScopeLiftedInPartException(
                $"A query lifts the query filters with IgnoreQueryFilters() on {string.Join(", ", finder.LiftedRoots.Distinct())} "
                + $"but reads {string.Join(", ", finder.ScopedRoots.Distinct())} expecting them: EF Core lifts them for the whole query. "
                + "Read the unscoped part in a separate query keyed by the scoped query's ids, or lift the filter on every part on purpose.");
        }

        return queryExpression;
    }

    /// <summary>Collects the filtered entity roots of a query, split by whether an IgnoreQueryFilters() call sits on them.</summary>
    private sealed class RootFinder : ExpressionVisitor
    {
        private bool _underIgnore;

        public List<string> LiftedRoots { get; } = [];

        public List<string> ScopedRoots { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
                && node.Method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters))
            {
                var outer = _underIgnore;
                _underIgnore = true;
                Visit(node.Arguments[0]);
                _underIgnore = outer;
                return node;
            }

            return base.VisitMethodCall(node);
        }

        // A lambda's body is a part of its own: an IgnoreQueryFilters() call on the sequence it is applied to
        // says nothing about the roots the lambda reads.
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var outer = _underIgnore;
            _underIgnore = false;
            Visit(node.Body);
            _underIgnore = outer;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root)
            {
                if (root.EntityType.GetDeclaredQueryFilters().Count > 0 || root.EntityType.GetRootType().GetDeclaredQueryFilters().Count > 0)
                {
                    (_underIgnore ? LiftedRoots : ScopedRoots).Add(root.EntityType.ClrType.Name);
                }

                return node;
            }

            return base.VisitExtension(node);
        }
    }
}

/// <summary>A query mixes lifted and scoped parts; see <see cref="ScopeLiftGuard"/>. A bug, never an expected failure.</summary>
public sealed class ScopeLiftedInPartException(string message) : InvalidOperationException(message);
