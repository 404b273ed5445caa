using System.Net.Mime;
using Microsoft.Net.Http.Headers;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Files;

/// <summary>The file store's services and its two download routes: <c>/api/v1/files/{id}</c> (bearer) and <c>/files/{id}</c> (pages' cookie).</summary>
public static class FilesSetup
{
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().BindConfiguration("Files");
        services.AddScoped<IFileStore, FileStore>();
        return services;
    }

    public static RouteGroupBuilder MapFiles(this RouteGroupBuilder api)
    {
        api.MapGet("/files/{id:long}", async (long id, IFileStore files, CurrentActor actor, HttpContext http, CancellationToken ct) =>
            await ServeAsync(id, files, actor, http, ct) is { } refused ? ApiResults.Problem(refused) : Results.Empty)
            .WithTags("files")
            .WithSummary("下载文件（图片内嵌显示，PDF 以附件下载）");
        return api;
    }

    /// <summary>The same download for pages, signed in by cookie; outside /api, so refusals are the site's error pages.</summary>
    public static WebApplication MapFilePages(this WebApplication app)
    {
        app.MapGet("/files/{id:long}", async (long id, IFileStore files, CurrentActor actor, HttpContext http, CancellationToken ct) =>
            await ServeAsync(id, files, actor, http, ct) is { } refused ? Results.StatusCode((int)refused.Kind) : Results.Empty)
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Writes the file, or returns why not. Files so far are evidence kept by staff (activity photos,
    /// sign-in sheets with names on them), so only staff roles read them through these routes; a module
    /// that shows a file to residents serves it through its own endpoint after its own check (ADR 0008).
    /// </summary>
    private static async Task<Error?> ServeAsync(long id, IFileStore files, CurrentActor actor, HttpContext http, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.StationAdmin, Role.Supervisor, Role.TeamLeader) is { } forbidden)
        {
            return forbidden;
        }

        if (await files.OpenAsync(id, ct) is not { } file)
        {
            return Error.NotFound("file.not_found");
        }

        await WriteAsync(file, http.Response, ct);
        return null;
    }

    /// <summary>
    /// Writes a file with the store's safe headers; for modules that serve a file after their own check
    /// (order photos to the resident who ordered).
    /// </summary>
    public static async Task WriteAsync(FileDownload file, HttpResponse response, CancellationToken ct)
    {
        var headers = response.Headers;
        response.ContentType = file.Info.ContentType;
        response.ContentLength = file.Bytes.LongLength;
        // The type is ours (from the bytes), and the browser must not guess another; images are shown in
        // place, anything else (PDF) is a download, and nothing served here may run script or load more.
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; sandbox";
        headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue(file.Info.IsImage ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment)
        {
            FileNameStar = file.Info.FileName,
            FileName = AsciiFallback(file.Info.FileName),
        }.ToString();
        // A stored file never changes (a replacement is a new id), but it is private to the signed-in.
        headers[HeaderNames.CacheControl] = "private, max-age=86400";
        headers[HeaderNames.ETag] = $"\"{file.Info.Sha256}\"";
        await response.Body.WriteAsync(file.Bytes, ct);
    }

    /// <summary>For old clients that ignore filename*: the name with anything outside printable ASCII replaced.</summary>
    private static string AsciiFallback(string name)
    {
        var ascii = new string([.. name.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_')]);
        return "\"" + ascii + "\"";
    }
}
