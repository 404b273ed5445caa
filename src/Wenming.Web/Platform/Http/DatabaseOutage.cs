using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// While the database cannot be reached the app is unavailable, not broken: 503 with Retry-After (as
/// /readyz says), problem details with a Chinese message on the API, the error page on the pages. Only
/// failures that mean "no database right now" count; a failing query, a constraint or a bug stays 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    // PostgreSQL: connection exceptions (class 08), shutting down / cannot connect now (57P01–57P03),
    // too many connections (53300), the configured database does not exist (3D000).
    private static readonly HashSet<string> PostgresStates = ["57P01", "57P02", "57P03", "53300", "3D000"];

    // SQLite: busy beyond the busy timeout (5), disk I/O error (10), disk full (13), cannot open the file (14).
    private static readonly HashSet<int> SqliteCodes = [5, 10, 13, 14];

    public static bool IsOutage(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++, exception = exception.InnerException)
        {
            switch (exception)
            {
                case Security.PiiKeyNotCheckedException:
                    return true;
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || PostgresStates.Contains(pg.SqlState);
                case NpgsqlException:
                    // Not a server's answer: the connection itself failed (refused, reset, timed out on open).
                    return true;
                case SqliteException sqlite:
                    return SqliteCodes.Contains(sqlite.SqliteErrorCode);
                case DbException:
                    return false;
            }
        }

        return false;
    }

    public static Error Unavailable() => Error.Of("common.unavailable", ErrorKind.Unavailable);

    /// <summary>The exit code of the web host (at start) and of an operator command when the database does not answer.</summary>
    public const int ExitCode = 5;

    /// <summary>The one line the web host (at start) and an operator command print when the database does not answer.</summary>
    public static string DoesNotAnswer(Exception exception) =>
        $"The database does not answer ({exception.GetBaseException().Message.TrimEnd('.')}): check "
        + "ConnectionStrings:Wenming and Database:Provider, and that the database is up.";
}

/// <summary>Answers a database outage on the API with 503 problem details; pages get the 503 error page.</summary>
internal sealed class DatabaseOutageExceptionHandler(ILogger<DatabaseOutageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            return false;
        }

        logger.LogError(exception, "The database is unavailable; answering 503.");
        httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            await ApiResults.Problem(DatabaseOutage.Unavailable()).ExecuteAsync(httpContext);
            return true;
        }

        // A page of its own, not the site's layout: the layout reads the database (the unread count),
        // and so does signing the visitor in again when the error page is re-executed.
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(Text.Get("problem.title.503"));
        var message = WebUtility.HtmlEncode(DatabaseOutage.Unavailable().Message);
        await httpContext.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="main"><section class="card" data-testid="error-page"><h1>{title}</h1><p>{message}</p><p><a href="/">{WebUtility.HtmlEncode(Text.Get("Shell.common.back_home"))}</a></p></section></main></body>
            </html>
            """,
            cancellationToken);
        return true;
    }
}
