using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Platform.Excel;

/// <summary>
/// An uploaded Excel file for an import (volunteers, households): the limits every import shares and the
/// checks before its rows are read, so each import answers a missing, too large or too long file alike.
/// </summary>
public static class ExcelUpload
{
    /// <summary>Upload size limit; the template with 1000 filled rows is about 60 KB.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>
    /// What the server reads of an upload request at all: above the file limit, so that a file a little
    /// too big still gets the Chinese message rather than the framework's bare 413.
    /// </summary>
    public const int MaxRequestBytes = 10 * 1024 * 1024;

    /// <summary>Rows per file: a village's or township's list; a county imports in several files.</summary>
    public const int MaxRows = 1000;

    /// <summary>The file's rows, header first; a 400 on <c>file</c> when there is none or it is too large or too long.</summary>
    public static Result<IReadOnlyList<ExcelRow>> Read(Stream? file, long length)
    {
        if (file is null || length == 0)
        {
            return Error.Field("file", "Excel.file_required");
        }

        if (length > MaxFileBytes)
        {
            return Error.Field("file", "Excel.file_too_large", MaxFileBytes / 1024 / 1024);
        }

        return ExcelReader.Read(file, MaxRows + 1);
    }
}
