using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>API.md's body <c>{personId, points, reason}</c> (negative points = deduction) plus the optional category.</summary>
public sealed record ProposeAwardRequest(long? PersonId, long? Points, string? Reason, AwardCategory? Category = null);

/// <summary>One evidence file as the phone or the page sent it.</summary>
public sealed record AwardEvidenceUpload(string? FileName, Stream? Content);

/// <summary>The county's limit decides the range, so the validator is made per request with it.</summary>
public sealed class ProposeAwardValidator : AbstractValidator<ProposeAwardRequest>
{
    public ProposeAwardValidator(long maxPoints)
    {
        RuleFor(r => r.PersonId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Required("personId"));
        RuleFor(r => r.Points).NotNull().WithErrorCode("validation.required").WithMessage(_ => Required("points"))
            .Must(p => p is not { } v || (v != 0 && Math.Abs(v) <= maxPoints)).WithErrorCode("award.points_out_of_range")
            .WithMessage(_ => Text.Get("Award.error.points_out_of_range", maxPoints));
        RuleFor(r => r.Reason).Must(v => !string.IsNullOrWhiteSpace(v)).WithErrorCode("validation.required").WithMessage(_ => Required("reason"))
            .Must(v => v is null || v.Trim().Length <= PointAward.MaxReasonLength).WithErrorCode("validation.too_long")
            .WithMessage(_ => Text.Get("validation.too_long", Text.Get("Award.field.reason"), PointAward.MaxReasonLength));
        RuleFor(r => r.Category).Must((r, c) => c is not { } category || r.Points is not { } points || points == 0 || PointAward.IsDeductionCategory(category) == points < 0)
            .WithErrorCode("award.category_mismatch")
            .WithMessage((r, _) => Text.Get(r.Points < 0 ? "Award.error.category_not_deduction" : "Award.error.category_not_award"));
    }

    internal static string Required(string field) => Text.Get("validation.required", Text.Get("Award.field." + field));
}

/// <summary>
/// 积分评议: a cadre (station, institute or center admin; the system admin too) proposes a hand award or
/// deduction for a person of their subtree, with evidence photos or PDFs. Nothing moves yet: another person
/// decides, and approved awards go on the public notice list before the credit job posts them.
/// </summary>
public sealed class ProposeAwardHandler(
    AppDbContext db, CurrentActor actor, IPeopleDirectory people, PointRulesReader rules, IFileStore files, AwardReader reader, TimeProvider clock)
{
    public async Task<Result<AwardDto>> HandleAsync(ProposeAwardRequest request, CancellationToken ct) => await HandleAsync(request, [], ct);

    public async Task<Result<AwardDto>> HandleAsync(ProposeAwardRequest request, IReadOnlyList<AwardEvidenceUpload> evidence, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        // The person is looked up in the caller's subtree; the range is the person's county's (else the caller's).
        var person = request.PersonId is { } personId ? await people.FindAsync(personId, ct) : null;
        var countyId = person?.CountyId ?? actor.CountyId;
        var limits = countyId is { } county ? await rules.ForCountyAsync(county, ct) : EffectivePointRules.Defaults;
        if (Validation.Check(new ProposeAwardValidator(limits.AwardMaxPoints), request) is { } invalid)
        {
            return invalid;
        }

        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        if (actor.PersonId == person.Id)
        {
            return AwardErrors.OwnAward();
        }

        if (evidence.Count > PointAward.MaxEvidence)
        {
            return FieldErrors.One("evidence", "award.evidence_full", "Award.error.evidence_full", PointAward.MaxEvidence);
        }

        var points = request.Points!.Value;
        var award = PointAward.Propose(
            person.Id, person.OrgUnitId, person.CountyId, points, request.Category ?? PointAward.OtherFor(points), request.Reason!, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);

        // Every file is checked before anything is written: one refused file refuses the proposal, so the
        // form comes back with the message and no half-evidenced award exists.
        var staged = new List<StoredFile>();
        foreach (var upload in evidence)
        {
            var file = await files.AddAsync(upload.FileName, upload.Content, person.OrgUnitId, ct, field: "evidence");
            if (!file.IsSuccess)
            {
                Untrack(staged);
                return file.Error!;
            }

            staged.Add(file.Value);
        }

        // Award, files and evidence rows in one transaction: evidence never points at a missing award or file.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(award);
        await db.SaveChangesAsync(ct);
        foreach (var file in staged)
        {
            db.Add(PointAwardEvidence.Create(award, file.Id, actor.UserId, award.ProposedAt));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await reader.DtoAsync(award, ct);
    }

    /// <summary>More evidence for a proposal still waiting for its decision (API clients upload after proposing).</summary>
    public async Task<Result<AwardEvidenceDto>> AddEvidenceAsync(long awardId, AwardEvidenceUpload upload, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var award = await db.Set<PointAward>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return AwardErrors.NotFound();
        }

        if (!PointAwardEvidence.CanAdd(award.Status))
        {
            return AwardErrors.EvidenceClosed();
        }

        if (await db.Set<PointAwardEvidence>().CountAsync(e => e.AwardId == awardId, ct) >= PointAward.MaxEvidence)
        {
            return AwardErrors.EvidenceFull(PointAward.MaxEvidence);
        }

        var staged = await files.AddAsync(upload.FileName, upload.Content, award.OrgUnitId, ct);
        if (!staged.IsSuccess)
        {
            return staged.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var row = PointAwardEvidence.Create(award, staged.Value.Id, actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var info = (await files.DescribeAsync([staged.Value.Id], ct))[staged.Value.Id];
        return AwardEvidenceDto.From(row, info);
    }

    private void Untrack(List<StoredFile> staged)
    {
        foreach (var file in staged)
        {
            if (file.Content is not null)
            {
                db.Entry(file.Content).State = EntityState.Detached;
            }

            db.Entry(file).State = EntityState.Detached;
        }
    }
}
