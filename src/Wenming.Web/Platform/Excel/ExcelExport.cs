using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Excel;

/// <summary>An .xlsx file to send: its download name and bytes.</summary>
public sealed record ExcelFile(string FileName, byte[] Content);

/// <summary>What every list export shares: the row cap, the file name, the HTTP answer.</summary>
public static class ExcelExport
{
    /// <summary>
    /// Rows per export. A workbook is built in memory; 5000 rows is a county's volunteers in one
    /// township or a month of service records, and a few MB at most. More means: filter first.
    /// </summary>
    public const int MaxRows = 5000;

    public static Error TooMany(int count) => Error.Of("Excel.export_too_many", ErrorKind.Validation, count, MaxRows);

    /// <summary>"志愿者名单_20261123-1430.xlsx", in China time.</summary>
    public static string FileName(string baseName, DateTime utcNow) =>
        baseName + "_" + Text.ToChinaTime(utcNow).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".xlsx";

    public static ExcelFile File(string fileKey, DateTime utcNow, params ExcelSheet[] sheets) =>
        new(FileName(Text.Get(fileKey), utcNow), ExcelWriter.Write(sheets));

    public static Results<FileContentHttpResult, ProblemHttpResult> FileOr(Result<ExcelFile> result) =>
        result.IsSuccess ? TypedResults.File(result.Value.Content, ExcelWriter.ContentType, result.Value.FileName) : ApiResults.Problem(result.Error!);
}
