using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features.Certificate;
using Wenming.Web.Modules.Fund.Features.Disclosure;
using Wenming.Web.Modules.Fund.Features.Donations;
using Wenming.Web.Modules.Fund.Features.Export;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Fund.Features;

/// <summary>The HTTP side of the fund's handlers; routes, summaries and filters are in FundModule.</summary>
public static class FundEndpoints
{
    public static async Task<Results<Created<DonationDto>, ProblemHttpResult>> RecordDonation(RecordDonationRequest request, DonationsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.RecordAsync(request, ct), d => $"/api/v1/fund/donations/{d.Id}");

    public static async Task<Results<Ok<PageOf<DonationDto>>, ProblemHttpResult>> ListDonations([AsParameters] ListDonationsRequest request, DonationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Ok<DonationDto>, ProblemHttpResult>> GetDonation(long id, DonationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Created<DonationDto>, ProblemHttpResult>> ReverseDonation(long id, ReverseRequest request, DonationsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.ReverseAsync(id, request, ct), d => $"/api/v1/fund/donations/{d.Id}");

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Certificate(long id, HttpContext http, IConfiguration config, DonationCertificateHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, PublicBaseUrl(http, config), ct);
        return result.IsSuccess ? TypedResults.File(result.Value.Pdf, "application/pdf", result.Value.FileName) : ApiResults.Problem(result.Error!);
    }

    /// <summary>Where the certificate's QR code points: the configured public address, else this request's (as the volunteer certificate).</summary>
    public static string PublicBaseUrl(HttpContext http, IConfiguration config) =>
        config["Certificates:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : SiteUrl.Root(http.Request);

    public static async Task<Results<Created<ProjectDto>, ProblemHttpResult>> Apply(ApplyProjectRequest request, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.ApplyAsync(request, ct), p => $"/api/v1/fund/projects/{p.Id}");

    public static async Task<Results<Ok<PageOf<ProjectDto>>, ProblemHttpResult>> ListProjects([AsParameters] ListProjectsRequest request, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> GetProject(long id, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Approve(long id, ApproveProjectRequest request, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ApproveAsync(id, request, ct));

    public static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Reject(long id, RejectProjectRequest request, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));

    public static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Outcome(long id, OutcomeRequest request, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReportOutcomeAsync(id, request, ct));

    public static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Close(long id, ProjectsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CloseAsync(id, ct));

    public static async Task<Results<Created<PaymentDto>, ProblemHttpResult>> Pay(long id, PayRequest request, PaymentsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.PayAsync(id, request, ct), p => $"/api/v1/fund/payments/{p.Id}");

    public static async Task<Results<Ok<PageOf<PaymentDto>>, ProblemHttpResult>> ListPayments([AsParameters] ListPaymentsRequest request, PaymentsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> ApprovePayment(long id, PaymentsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ApproveAsync(id, ct));

    public static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> RejectPayment(long id, ReverseRequest request, PaymentsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request.Reason, ct));

    public static async Task<Results<Created<PaymentDto>, ProblemHttpResult>> ReversePayment(long id, ReverseRequest request, PaymentsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.ReverseAsync(id, request.Reason, ct), p => $"/api/v1/fund/payments/{p.Id}");

    public static async Task<Results<Ok<FundBalanceDto>, ProblemHttpResult>> Balance(DisclosureHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ApiResults.OkOr(await handler.BalanceAsync(orgUnitId, ct));

    public static async Task<Results<Ok<PublicFundDto>, ProblemHttpResult>> Public(DisclosureHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ApiResults.OkOr(await handler.PublicAsync(orgUnitId, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportDonations(FundExportsHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ExcelExport.FileOr(await handler.DonationsAsync(orgUnitId, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportProjects(FundExportsHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ExcelExport.FileOr(await handler.ProjectsAsync(orgUnitId, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPayments(FundExportsHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ExcelExport.FileOr(await handler.PaymentsAsync(orgUnitId, ct));
}
