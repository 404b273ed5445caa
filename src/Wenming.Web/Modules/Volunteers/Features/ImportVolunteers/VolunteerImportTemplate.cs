using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ImportVolunteers;

/// <summary>
/// The import template: the first sheet holds only the header (whatever is below it gets imported, so no
/// example row there); the second explains each column with an example.
/// </summary>
public sealed class VolunteerImportTemplateHandler(CurrentActor actor)
{
    public Result<ExcelFile> Handle()
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var headers = VolunteerImportColumns.All.Select(VolunteerImportColumns.Header).ToList();
        var required = Text.Get("Excel.template.required");
        var optional = Text.Get("Excel.template.optional");
        var minor = Text.Get("Excel.template.minor_required");
        var text = Text.Get("Excel.template.rule.text");
        // The example is a made-up 16-year-old with a checksum-valid number, so it shows the guardian columns.
        IReadOnlyList<object?>[] help =
        [
            Help(VolunteerImportColumns.Name, required, "Excel.template.rule.name", "张小明"),
            Help(VolunteerImportColumns.IdNumber, required, "Excel.template.rule.idNumber", "339901201003150022"),
            Help(VolunteerImportColumns.Phone, required, "Excel.template.rule.phone", "13800138000"),
            Help(VolunteerImportColumns.Unit, required, "Excel.template.rule.unit", "339901001001"),
            [VolunteerImportColumns.Header(VolunteerImportColumns.Skills), optional, text, "摄影、文艺演出"],
            [VolunteerImportColumns.Header(VolunteerImportColumns.ServiceAreas), optional, text, "助老、环境整治"],
            [VolunteerImportColumns.Header(VolunteerImportColumns.Availability), optional, text, "周末上午"],
            Help(VolunteerImportColumns.GuardianName, minor, "Excel.template.rule.guardianName", "张建国"),
            Help(VolunteerImportColumns.GuardianRelation, minor, "Excel.template.rule.guardianRelation", "父亲"),
            Help(VolunteerImportColumns.GuardianPhone, minor, "Excel.template.rule.guardianPhone", "13900139000"),
            [],
            [Text.Get("Excel.template.note")],
        ];
        string[] helpHeaders = [Text.Get("Excel.template.help_column"), Text.Get("Excel.template.help_required"), Text.Get("Excel.template.help_rule"), Text.Get("Excel.template.help_example")];
        return new ExcelFile(Text.Get("Excel.template.file"), ExcelWriter.Write(
            new ExcelSheet(Text.Get("Excel.template.sheet"), headers, []),
            new ExcelSheet(Text.Get("Excel.template.help_sheet"), helpHeaders, help)));
    }

    private static IReadOnlyList<object?> Help(string column, string required, string ruleKey, string example) =>
        [VolunteerImportColumns.Header(column), required, Text.Get(ruleKey), example];
}
