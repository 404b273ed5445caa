using System.Collections.ObjectModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// EF Core's database service with one change to how a query's executor is compiled: the lambdas nested in it that
/// use nothing of the run they are in (the shaper that reads a row into an entity, the resolver of the SQL command) are
/// compiled once, with the query, instead of on every run (issue 19, ADR 0087).
/// </summary>
/// <remarks>
/// Since EF Core 9 the executor holds its shaper and command resolver as lambda expressions inside one tree (so that
/// precompiled queries can print them as code), where EF Core 8 compiled them apart and held the delegates. .NET's
/// expression compiler turns a nested lambda into a separate method and makes a new delegate of it each time the outer
/// one runs: for a compiled query that read one person on PostgreSQL, that <c>DynamicMethod.CreateDelegate</c> was
/// ~3 % of the web process's CPU, every run, for the same code. Lifting a closed lambda out as a constant gives the
/// executor EF Core 8's shape: one delegate, made once, shared by every run, as the rest of the executor's constants
/// already are. A lambda that uses a variable of the run around it is left as it is (in the person read, none was).
/// Everything else is EF Core's own <see cref="QueryCompilationContext.CreateQueryExecutor{TResult}"/>: the same
/// translation, the same inlined constants, the same "execution planned" log.
/// </remarks>
#pragma warning disable EF9100 // ILiftableConstantProcessor: EF Core's own step that turns lifted constants back into values
public sealed class QueryExecutors(
    DatabaseDependencies dependencies,
    RelationalDatabaseDependencies relationalDependencies,
    ILiftableConstantProcessor liftableConstants,
    ICurrentDbContext currentContext)
    : RelationalDatabase(dependencies, relationalDependencies)
{
    /// <summary>Makes the context's database service this one.</summary>
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<IDatabase, QueryExecutors>();

    public override Func<QueryContext, TResult> CompileQuery<TResult>(Expression query, bool async)
    {
        var compilation = Dependencies.QueryCompilationContextFactory.Create(async);
        var executor = compilation.CreateQueryExecutorExpression<TResult>(query);
        var inlined = (Expression<Func<QueryContext, TResult>>)liftableConstants.InlineConstants(executor, compilation.SupportsPrecompiledQuery);
        try
        {
            return Lift(inlined).Compile();
        }
        finally
        {
            compilation.Logger.QueryExecutionPlanned(currentContext.Context, new ExpressionPrinter(), executor);
        }
    }
#pragma warning restore EF9100

    /// <summary>The executor with each closed lambda inside it (not the executor itself) compiled into a constant.</summary>
    internal static Expression<T> Lift<T>(Expression<T> executor) =>
        executor.Update(new ClosedLambdas().Visit(executor.Body), executor.Parameters);

    private sealed class ClosedLambdas : ExpressionVisitor
    {
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            // Inner lambdas first: one that uses its parent's parameters stays, its parent may still be closed.
            var visited = (Expression<T>)base.VisitLambda(node);
            return FreeVariables.Any(visited) ? visited : Expression.Constant(visited.Compile(), visited.Type);
        }

        // A quoted lambda is an expression tree the executor hands on as data, not code it runs.
        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);
    }

    /// <summary>Whether an expression uses a parameter or variable it does not declare itself.</summary>
    private sealed class FreeVariables : ExpressionVisitor
    {
        private readonly List<ParameterExpression> inScope = [];
        private bool found;

        public static bool Any(LambdaExpression lambda)
        {
            var visitor = new FreeVariables();
            visitor.Visit(lambda);
            return visitor.found;
        }

        public override Expression? Visit(Expression? node) => found ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node) => Within(node.Parameters, () => base.VisitLambda(node));

        protected override Expression VisitBlock(BlockExpression node) => Within(node.Variables, () => base.VisitBlock(node));

        protected override CatchBlock VisitCatchBlock(CatchBlock node) =>
            node.Variable is { } variable ? Within(new([variable]), () => base.VisitCatchBlock(node)) : base.VisitCatchBlock(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            found |= !inScope.Contains(node);
            return node;
        }

        private TResult Within<TResult>(ReadOnlyCollection<ParameterExpression> declared, Func<TResult> visit)
        {
            inScope.AddRange(declared);
            try
            {
                return visit();
            }
            finally
            {
                inScope.RemoveRange(inScope.Count - declared.Count, declared.Count);
            }
        }
    }
}
