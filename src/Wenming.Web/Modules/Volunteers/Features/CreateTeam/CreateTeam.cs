using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.CreateTeam;

public sealed record CreateTeamRequest(long? OrgUnitId, string? Name, TeamCategory? Category, long? LeaderVolunteerId);

public sealed class CreateTeamValidator : AbstractValidator<CreateTeamRequest>
{
    public CreateTeamValidator()
    {
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.orgUnitId")));
        RuleFor(r => r.Name).RequiredText("teamName", 100);
        RuleFor(r => r.Category).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.category")))
            .IsInEnum().WithMessage(_ => Text.Get("validation.field_malformed"));
        RuleFor(r => r.LeaderVolunteerId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.leaderVolunteerId")));
    }
}

/// <summary>An admin sets up a team in a unit of their subtree, led by an approved volunteer they can see; the leader is its first member.</summary>
public sealed class CreateTeamHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<TeamDto>> HandleAsync(CreateTeamRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(new CreateTeamValidator(), request) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return Error.Field("orgUnitId", "team.unit_not_allowed");
        }

        var leader = await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.LeaderVolunteerId, ct);
        if (leader is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        if (leader.Status != VolunteerStatus.Approved)
        {
            return Error.Conflict("team.volunteer_not_approved");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = Team.Create(countyId, unit.Id, request.Name!, request.Category!.Value, leader.Id, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(team);
        await db.SaveChangesAsync(ct);
        db.Add(TeamMember.Join(team, leader.Id, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TeamDto.From(team, 1);
    }
}
