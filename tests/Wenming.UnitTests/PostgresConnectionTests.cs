using Npgsql;
using Wenming.Web.Platform.Hosting;

namespace Wenming.UnitTests;

/// <summary>
/// What the platform adds to the PostgreSQL connection string it is given (ADR 0032, 0075, 0093), and what an operator
/// keeps: a setting named in the configured string wins.
/// </summary>
public sealed class PostgresConnectionTests
{
    private const string Given = "Host=db.internal;Database=wenming;Username=wenming";

    [Fact]
    public void ConnectionString_MultiplexesWithoutResetAndPrepares()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Given));

        Assert.True(built.Multiplexing);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(DatabaseSetup.AutoPrepared, built.MaxAutoPrepare);
        Assert.Equal(("db.internal", "wenming"), (built.Host, built.Database));
    }

    [Theory]
    [InlineData("Multiplexing=false")]
    [InlineData("multiplexing=False")]
    public void ConnectionString_KeepsAnOperatorsMultiplexingOff(string setting)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString($"{Given};{setting}"));

        Assert.False(built.Multiplexing);
    }

    [Fact]
    public void DirectConnectionString_IsTheSameWithoutMultiplexing()
    {
        var multiplexed = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(Given));
        var direct = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresDirectConnectionString(Given));

        Assert.False(direct.Multiplexing);
        multiplexed.Multiplexing = false;
        Assert.Equal(multiplexed.ConnectionString, direct.ConnectionString);
    }
}
