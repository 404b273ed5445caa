using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.CheckIn;

/// <summary>
/// Attendance errors keep their stable API codes (<c>checkin.token_invalid</c> …) while the Chinese text
/// lives under the Attendance resource prefix (<c>Attendance.checkin.token_invalid</c>), so this module's
/// keys can never collide with another resource file's.
/// </summary>
public static class AttendanceErrors
{
    public static Error Conflict(string code) => new(code, ErrorKind.Conflict, Text.Get("Attendance." + code));

    public static Error Forbidden(string code) => new(code, ErrorKind.Forbidden, Text.Get("Attendance." + code));

    public static Error Field(string field, string code)
    {
        var message = Text.Get("Attendance." + code);
        return new Error(code, ErrorKind.Validation, message) { Fields = new Dictionary<string, string[]> { [field] = [message] } };
    }
}
