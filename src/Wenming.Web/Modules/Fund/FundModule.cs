using Wenming.Web.Modules.Fund.Features;
using Wenming.Web.Modules.Fund.Features.Certificate;
using Wenming.Web.Modules.Fund.Features.Disclosure;
using Wenming.Web.Modules.Fund.Features.Donations;
using Wenming.Web.Modules.Fund.Features.Export;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Fund;

/// <summary>The practice fund 文明实践基金 (DESIGN §7): donations in, projects and their payments out, the books, public disclosure.</summary>
public static class FundModule
{
    public static IServiceCollection AddFund(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<FundBooks>();
        services.AddScoped<DonationsHandler>();
        services.AddScoped<ProjectsHandler>();
        services.AddScoped<PaymentsHandler>();
        services.AddScoped<DisclosureHandler>();
        services.AddScoped<FundExportsHandler>();
        services.AddSingleton<DonationCertificatePdf>();
        services.AddScoped<DonationCertificateHandler>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.FundIndicators>();
        services.AddRollupTrigger<Features.Indicators.FundIndicators, Domain.Donation>(Features.Indicators.FundIndicators.Touched);
        services.AddRollupTrigger<Features.Indicators.FundIndicators, Domain.FundPayment>(Features.Indicators.FundIndicators.Touched);
        services.AddScoped<IDemoSeedStep, FundDemo>();
        return services;
    }

    public static RouteGroupBuilder MapFund(this RouteGroupBuilder api)
    {
        var fund = api.MapGroup("/fund").WithTags("fund");
        fund.MapGet("/balance", FundEndpoints.Balance).WithSummary("基金余额：捐赠合计、支出合计、余额（分）；orgUnitId 所在县的基金");

        var donations = fund.MapGroup("/donations");
        donations.MapPost("/", FundEndpoints.RecordDonation)
            .WithSummary("登记捐赠（县中心）：金额以分计，匿名者公示为爱心人士，收据号在本基金内唯一")
            .WithIdempotency();
        donations.MapGet("/", FundEndpoints.ListDonations).WithSummary("捐赠记录（含冲正），新的在前");
        donations.MapGet("/export", FundEndpoints.ExportDonations).WithSummary("导出捐赠记录（Excel）");
        donations.MapGet("/{id:long}", FundEndpoints.GetDonation).WithSummary("查看捐赠");
        donations.MapGet("/{id:long}/certificate", FundEndpoints.Certificate)
            .WithSummary("打印捐赠证书（PDF，县中心）：捐赠人（匿名者为爱心人士）、金额及大写、日期、收据号；已冲正的 409 donation.reversed");
        donations.MapPost("/{id:long}/reverse", FundEndpoints.ReverseDonation).WithSummary("冲正捐赠（须填原因；原记录不改不删，余额不足时 409 fund.insufficient）");

        var projects = fund.MapGroup("/projects");
        projects.MapPost("/", FundEndpoints.Apply).WithSummary("申报项目（单位、队伍或社会组织）：做什么、为谁、预算明细、申请金额");
        projects.MapGet("/", FundEndpoints.ListProjects).WithSummary("项目：管辖范围内的；队长看自己申报的");
        projects.MapGet("/export", FundEndpoints.ExportProjects).WithSummary("导出项目（Excel）");
        projects.MapGet("/{id:long}", FundEndpoints.GetProject).WithSummary("查看项目");
        projects.MapPost("/{id:long}/approve", FundEndpoints.Approve).WithSummary("批准项目（申报人以外的人）：approvedFen 不超过申请金额");
        projects.MapPost("/{id:long}/reject", FundEndpoints.Reject).WithSummary("退回项目（申报人以外的人），须填原因");
        projects.MapPost("/{id:long}/payments", FundEndpoints.Pay)
            .WithSummary("分期拨付：不超过项目剩余预算（409 project.budget_exceeded）和基金余额（409 fund.insufficient）；超过 5 万元须另一人复核")
            .WithIdempotency();
        projects.MapPost("/{id:long}/outcome", FundEndpoints.Outcome).WithSummary("报告项目成效：做了什么、服务人数、照片");
        projects.MapPost("/{id:long}/close", FundEndpoints.Close).WithSummary("结项（须先报告成效）");

        var payments = fund.MapGroup("/payments");
        payments.MapGet("/", FundEndpoints.ListPayments).WithSummary("拨付记录（含待复核和冲正）");
        payments.MapGet("/export", FundEndpoints.ExportPayments).WithSummary("导出拨付记录（Excel）");
        payments.MapPost("/{id:long}/approve", FundEndpoints.ApprovePayment).WithSummary("复核大额拨付（录入人以外的人）：此时才拨款");
        payments.MapPost("/{id:long}/reject", FundEndpoints.RejectPayment).WithSummary("退回待复核的大额拨付（录入人以外的人，须填原因）：不拨款");
        payments.MapPost("/{id:long}/reverse", FundEndpoints.ReversePayment).WithSummary("冲正拨付（须填原因）：退回项目预算和基金余额");
        return api;
    }

    /// <summary>The public disclosure: anyone, no sign-in (RULES.md: public, updated at once).</summary>
    public static RouteGroupBuilder MapFundAnonymous(this RouteGroupBuilder api)
    {
        api.MapGet("/public/fund", FundEndpoints.Public)
            .AllowAnonymous()
            .WithTags("fund")
            .WithSummary("基金公示（公开）：合计、捐赠（匿名者为爱心人士）、项目及其支出");
        return api;
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.Donation), "Fund.entity.Donation").Entity(nameof(Domain.FundProject), "Fund.entity.FundProject")
        .Entity(nameof(Domain.FundPayment), "Fund.entity.FundPayment").Entity(nameof(Domain.FundAccount), "Fund.entity.FundAccount")
        .Enum<Domain.DonationChannel>(c => Text.Get("Fund.channel." + c)).Enum<Domain.ProjectStatus>(s => Text.Get("Fund.status." + s))
        .Enum<Domain.PaymentStatus>(s => Text.Get("Fund.payment." + s));
}
