using Microsoft.EntityFrameworkCore;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// One line for a database command that failed. EF Core's own logging of a failed command (and of the failed
/// save) is turned down to Debug in <see cref="Hosting.DatabaseSetup.Configure"/>: it logs at the point of
/// throwing, with a stack trace, before anyone could handle the exception — so every expected conflict (two
/// requests claiming one idempotency key, one ID number registered twice) showed up as two errors. Instead a
/// unique-index refusal, which callers turn into a 409 or a retry, is logged here as Information; any other
/// failure as a Warning line; and an exception nobody handles is logged once with its stack trace where it
/// ends (the API's exception handler, a job's round, event delivery).
/// </summary>
public sealed partial class FailedCommandLog(ILogger<FailedCommandLog> log)
{
    /// <summary>A unique (or primary) key refused the write: SQLite's extended codes 2067/1555, PostgreSQL's 23505.</summary>
    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException e => e.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException e => e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        DbUpdateException e => IsUniqueViolation(e.InnerException),
        _ => false,
    };

    /// <summary>The line for one failed command (<see cref="CommandWatch"/> calls it).</summary>
    public void Log(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return;
        }

        if (IsUniqueViolation(exception))
        {
            UniqueViolation(exception.Message);
        }
        else
        {
            Failed(exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "A unique index refused a write (handled by its caller as a conflict or a retry): {Reason}")]
    private partial void UniqueViolation(string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A database command failed: {Type}: {Reason}")]
    private partial void Failed(string type, string reason);
}
