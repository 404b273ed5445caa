using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Training.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Training;

/// <summary>培训课程: the county's courses, a new course, and (for the county center) which team category requires which course.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class CoursesModel(CoursesHandler courses, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public CreateCourseRequest Input { get; set; } = new(null, null);

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public IReadOnlyList<RequirementDto> Requirements { get; private set; } = [];

    public bool IsAdmin => actor.IsAdmin;

    public bool SetsRequirements => actor.Has(Role.CenterAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await courses.ListAsync(ct);
        if (!list.IsSuccess)
        {
            return Refuse(list.Error!, prefix: "") ?? Page();
        }

        Courses = list.Value;
        var requirements = await courses.RequirementsAsync(ct);
        Requirements = requirements.IsSuccess ? requirements.Value : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await courses.CreateAsync(Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["training_course.duplicate"] = "title" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Training.ui.course_created", result.Value.Title);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRequireAsync(string category, long? courseId, CancellationToken ct)
    {
        var result = await courses.SetRequirementAsync(new SetRequirementRequest(category, courseId), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Training.ui.requirement_saved", result.Value.CategoryLabel);
        return RedirectToPage();
    }
}
