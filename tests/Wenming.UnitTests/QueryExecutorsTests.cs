using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.UnitTests;

/// <summary>
/// A query's executor is compiled with its closed nested lambdas (EF Core's shaper and command resolver) as constants,
/// so that a run does not make their delegates anew (ADR 0087). A nested lambda that uses a parameter or variable of
/// the lambda around it must stay a lambda: its delegate differs from run to run.
/// </summary>
public sealed class QueryExecutorsTests
{
    [Fact]
    public void A_ClosedNestedLambda_IsMadeOnce_AndSharedByEveryRun()
    {
        Expression<Func<int, Func<int, int>>> executor = x => y => y + 1;

        var asWritten = executor.Compile();
        Assert.NotSame(asWritten(1), asWritten(2));

        var lifted = QueryExecutors.Lift(executor);
        Assert.Equal(ExpressionType.Constant, lifted.Body.NodeType);
        var run = lifted.Compile();
        Assert.Same(run(1), run(2));
        Assert.Equal(8, run(1)(7));
    }

    [Fact]
    public void A_NestedLambda_UsingTheOuterParameter_StaysALambda()
    {
        Expression<Func<int, Func<int, int>>> executor = x => y => y + x;

        var lifted = QueryExecutors.Lift(executor);

        Assert.Equal(ExpressionType.Lambda, lifted.Body.NodeType);
        Assert.Equal(5, lifted.Compile()(2)(3));
    }

    [Fact]
    public void A_ClosedLambda_InsideOneThatIsNot_IsLifted_AndTheOuterOneStays()
    {
        Expression<Func<int, Func<int, Func<int, int>>>> executor = x => y => z => z * 2;
        Expression<Func<int, Func<int, int>>> mixed = x => y => x + Apply(z => z * 2, y);

        Assert.Equal(ExpressionType.Constant, QueryExecutors.Lift(executor).Body.NodeType);

        var lifted = QueryExecutors.Lift(mixed);
        var outer = Assert.IsAssignableFrom<LambdaExpression>(lifted.Body);
        var call = Assert.IsAssignableFrom<BinaryExpression>(outer.Body).Right;
        Assert.Equal(ExpressionType.Constant, Assert.IsAssignableFrom<MethodCallExpression>(call).Arguments[0].NodeType);
        Assert.Equal(2 + 6, lifted.Compile()(2)(3));
    }

    [Fact]
    public void Variables_CountAsFree_OnlyWhereTheyAreDeclaredOutside()
    {
        var x = Expression.Parameter(typeof(int), "x");
        var y = Expression.Parameter(typeof(int), "y");
        var outside = Expression.Variable(typeof(int), "outside");
        var inside = Expression.Variable(typeof(int), "inside");

        // x => { outside = x; return y => y + outside; }: the nested lambda reads the run's variable.
        var usesOuterVariable = Expression.Lambda<Func<int, Func<int, int>>>(
            Expression.Block([outside], Expression.Assign(outside, x), Expression.Lambda<Func<int, int>>(Expression.Add(y, outside), y)), x);
        // x => y => { inside = 3; return y + inside; }: its own variable.
        var ownVariable = Expression.Lambda<Func<int, Func<int, int>>>(
            Expression.Lambda<Func<int, int>>(Expression.Block([inside], Expression.Assign(inside, Expression.Constant(3)), Expression.Add(y, inside)), y), x);

        var first = QueryExecutors.Lift(usesOuterVariable);
        Assert.Equal(ExpressionType.Lambda, Assert.IsAssignableFrom<BlockExpression>(first.Body).Result.NodeType);
        Assert.Equal(10, first.Compile()(4)(6));

        var second = QueryExecutors.Lift(ownVariable);
        Assert.Equal(ExpressionType.Constant, second.Body.NodeType);
        Assert.Equal(9, second.Compile()(4)(6));
    }

    [Fact]
    public void A_QuotedLambda_IsLeftAsData()
    {
        Expression<Func<int, Expression<Func<int, int>>>> executor = x => y => y + 1;

        var lifted = QueryExecutors.Lift(executor);

        Assert.Equal(ExpressionType.Quote, lifted.Body.NodeType);
        Assert.Equal(3, lifted.Compile()(0).Compile()(2));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void EveryContext_CompilesItsQueries_ThisWay(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        using var db = new AppDbContext(options.Options);

        Assert.IsType<QueryExecutors>(db.GetService<IDatabase>());
    }

    private static int Apply(Func<int, int> f, int value) => f(value);
}
