using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features.GetActivity;

/// <summary>One activity, for those who may manage it or join it (see <see cref="ActivityAccess.VisibleAsync"/>).</summary>
public sealed class GetActivityHandler(ActivityAccess access)
{
    public async Task<Result<ActivityDto>> HandleAsync(long id, CancellationToken ct) =>
        await access.VisibleAsync(id, ct) is { } activity ? ActivityDto.From(activity) : Error.NotFound("activity.not_found");
}
