using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>The HTTP side of the venues' handlers; routes and summaries are in VenuesModule.</summary>
public static class VenueEndpoints
{
    public static async Task<Results<Created<VenueDto>, ProblemHttpResult>> Create(CreateVenueRequest request, VenuesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), v => $"/api/v1/venues/{v.Id}");

    public static async Task<Results<Ok<PageOf<VenueDto>>, ProblemHttpResult>> List(VenuesHandler handler, CancellationToken ct, int page = 1, int pageSize = 100) =>
        ApiResults.OkOr(await handler.ListAsync(new ListVenuesRequest(page, pageSize), ct));

    public static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> Get(long id, VenuesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    /// <summary>Multipart: every file of the form (the field is <c>photos</c>) is one photo; all are saved or none.</summary>
    public static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> AddPhotos(long id, IFormFileCollection photos, VenuePhotosHandler handler, CancellationToken ct)
    {
        var uploads = photos.Where(f => f.Length > 0).Select(f => new VenuePhotoUpload(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            return ApiResults.OkOr(await handler.AddAsync(id, uploads, ct));
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.Content.DisposeAsync();
            }
        }
    }

    public static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> RemovePhoto(long id, long photoId, VenuePhotosHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RemoveAsync(id, photoId, ct));

    public static async Task<IResult> OpenPhoto(long id, long photoId, VenuePhotosHandler handler, HttpContext http, CancellationToken ct)
    {
        var opened = await handler.OpenAsync(id, photoId, ct);
        if (!opened.IsSuccess)
        {
            return ApiResults.Problem(opened.Error!);
        }

        await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
        return Results.Empty;
    }

    public static async Task<Results<Created<BookingDto>, ProblemHttpResult>> Book(long id, BookVenueRequest request, BookingsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.BookAsync(id, request, ct), b => $"/api/v1/venue-bookings/{b.Id}");

    public static async Task<Results<Ok<IReadOnlyList<BookingDto>>, ProblemHttpResult>> Calendar(long id, BookingsHandler handler, TimeProvider clock, CancellationToken ct, DateOnly? from = null, int days = 7) =>
        ApiResults.OkOr(await handler.WeekAsync(id, from ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Text.ChinaOffset).DateTime), days, ct));

    public static async Task<Results<Ok<UsageDto>, ProblemHttpResult>> Usage(BookingsHandler handler, TimeProvider clock, CancellationToken ct, int? year = null) =>
        ApiResults.OkOr(await handler.UsageAsync(year ?? clock.GetUtcNow().ToOffset(Text.ChinaOffset).Year, ct));

    public static async Task<Results<Ok<PageOf<BookingDto>>, ProblemHttpResult>> Bookings(BookingsHandler handler, CancellationToken ct, long? venueId = null, BookingStatus? status = null, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ListAsync(new ListBookingsRequest(venueId, status, page, pageSize), ct));

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Approve(long id, BookingsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ApproveAsync(id, ct));

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Reject(long id, DecideBookingRequest request, BookingsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Cancel(long id, DecideBookingRequest request, BookingsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CancelAsync(id, request, ct));
}
