using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// The last pieces of 考评 (issue 13, ADR 0057): a manual score's evidence is a note, photos, or both, never neither; the
/// photos reach those who see the scheme and nobody else; the published ranking goes into the monthly report (月通报)
/// as it was published, and an unpublished one does not; the published total is its parts added up.
/// </summary>
public sealed class AssessmentEvidenceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = SampleFiles.Png(30, 20, (x, y) => ((byte)(x * 8), (byte)(y * 9), 120));

    private static readonly object[] WithManual =
    [
        new { code = "activitiesPerStation", weight = 30 }, new { code = "satisfaction", weight = 30 }, new { code = "siteScore", weight = 20 }, new { code = "manual", weight = 20 },
    ];

    private static decimal Dec(JsonElement e, string p) => e.GetProperty(p).GetDecimal();

    [DatabaseFact]
    public async Task A_manual_score_takes_a_note_or_photos_never_neither_and_its_photos_reach_only_those_who_see_the_scheme()
    {
        var period = ThisMonth();
        var id = (await app.As("town1").PostAsync("/api/v1/assessments", new { orgUnitId = app.Demo.Unit("township1"), period, level = "Village", indicators = WithManual }))
            .Expect(HttpStatusCode.Created).Id;
        var village1 = app.Demo.Unit("village1");

        var neither = (await ScoreAsync("supervisor1", id, village1, "81", null, 0)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写评分依据。", Assert.Single(neither.FieldErrors("evidence")));
        var tooMany = (await ScoreAsync("supervisor1", id, village1, "81", null, 7)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("每次评分最多上传 6 张照片。", Assert.Single(tooMany.FieldErrors("photos")));
        var notPhoto = (await ScoreAsync("supervisor1", id, village1, "81", null, 1, SampleFiles.Pdf("台账"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("只能上传照片（JPG、PNG 或 WebP）。", Assert.Single(notPhoto.FieldErrors("photos")));
        (await ScoreAsync("village1", id, village1, "81", "自评", 1)).Expect(HttpStatusCode.Forbidden);
        Assert.Empty((await app.As("town1").GetAsync($"/api/v1/assessments/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("manualScores").EnumerateArray());

        // Photos alone are evidence; a note alone still is (the JSON post); both together too.
        var photosOnly = (await ScoreAsync("supervisor1", id, village1, "77.5", null, 2)).Expect(HttpStatusCode.Created);
        var manual = Assert.Single(photosOnly.Json.GetProperty("manualScores").EnumerateArray());
        Assert.Equal("", manual.GetProperty("evidence").GetString());
        var photos = manual.GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(2, photos.Count);
        (await ScoreAsync("town1", id, village1, "80", "实地查看活动台账", 1)).Expect(HttpStatusCode.Created);
        var part = (await app.As("town1").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Single(r => r.GetProperty("orgUnitId").GetInt64() == village1).GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "manual");
        Assert.Equal(78.75m, Dec(part, "value"));

        // Served to the scheme's readers (the runner, the county, the county's supervisor), not to the unit scored nor a sibling.
        var fileId = photos[0].GetProperty("fileId").GetInt64();
        (await app.As("town1").GetAsync($"/api/v1/files/{fileId}")).Expect(HttpStatusCode.OK);
        (await app.As("center").GetAsync($"/api/v1/files/{fileId}")).Expect(HttpStatusCode.OK);
        (await app.As("supervisor1").GetAsync($"/api/v1/files/{fileId}")).Expect(HttpStatusCode.OK);
        (await app.As("village1").GetAsync($"/api/v1/files/{fileId}")).Expect(HttpStatusCode.NotFound);
        (await app.As("town2").GetAsync($"/api/v1/files/{fileId}")).Expect(HttpStatusCode.NotFound);
        (await app.As("village1").GetAsync($"/api/v1/assessments/{id}")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");

        var entries = (await app.Admin.GetAsync("/api/v1/audit-entries?entityType=AssessmentManualScorePhoto&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "supervisor1");
    }

    [DatabaseFact]
    public async Task The_published_ranking_goes_into_the_monthly_report_as_published_and_an_unpublished_one_does_not()
    {
        // A past month nobody else ranks, so the report's block is this scheme's.
        const string period = "2025-06";
        const string from = "2025-06-01", to = "2025-06-30";
        var id = (await app.As("town1").PostAsync("/api/v1/assessments", new { orgUnitId = app.Demo.Unit("township1"), period, level = "Village", indicators = WithManual }))
            .Expect(HttpStatusCode.Created).Id;
        (await ScoreAsync("supervisor1", id, app.Demo.Unit("village1"), "90", "阵地规范", 1)).Expect(HttpStatusCode.Created);
        var title = (await app.As("town1").GetAsync($"/api/v1/assessments/{id}")).Expect(HttpStatusCode.OK).Text("title");

        var before = await ReportRowsAsync(from, to);
        Assert.DoesNotContain(before, r => r.Count > 0 && r[0] == title);
        var pdfBefore = await ReportBytesAsync(from, to, "pdf");

        (await app.As("center").PostAsync($"/api/v1/assessments/{id}/review")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(await ReportRowsAsync(from, to), r => r.Count > 0 && r[0] == title);
        (await app.As("town1").PostAsync($"/api/v1/assessments/{id}/publish")).Expect(HttpStatusCode.OK);

        var ranking = (await app.As("town1").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.NotEmpty(ranking);
        var block = (await ReportRowsAsync(from, to)).Where(r => r.Count > 0 && r[0] == title).ToList();
        Assert.Equal(ranking.Count, block.Count);
        foreach (var row in ranking)
        {
            // The published total recomputed by hand from its published parts, and the report shows that total and rank.
            var parts = row.GetProperty("parts").EnumerateArray().ToList();
            Assert.Equal(Dec(row, "score"), parts.Sum(p => Dec(p, "score")));
            var line = Assert.Single(block, b => b[2] == row.GetProperty("name").GetString());
            Assert.Equal(row.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), line[1]);
            Assert.Equal(Dec(row, "score"), decimal.Parse(line[3], CultureInfo.InvariantCulture));
        }

        // The PDF carries the same block: one more ranking's lines than before publication.
        Assert.True((await ReportBytesAsync(from, to, "pdf")).Length > pdfBefore.Length);
        // Another month's report has no such block.
        Assert.DoesNotContain(await ReportRowsAsync("2025-07-01", "2025-07-31"), r => r.Count > 0 && r[0] == title);
    }

    private static string ThisMonth() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<ApiResponse> ScoreAsync(string login, long schemeId, long unitId, string score, string? evidence, int photos, byte[]? bytes = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "orgUnitId" },
            { new StringContent(score), "score" },
        };
        if (evidence is not null)
        {
            form.Add(new StringContent(evidence), "evidence");
        }

        for (var i = 0; i < photos; i++)
        {
            var content = new ByteArrayContent(bytes ?? Photo);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "photos", $"现场{i + 1}.png");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessments/{schemeId}/manual-scores/with-photos") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST manual score of {schemeId}");
    }

    private async Task<byte[]> ReportBytesAsync(string from, string to, string format)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stats/report?from={from}&to={to}&format={format}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("town1"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every row of every sheet of town1's monthly report, as text (shared strings resolved).</summary>
    private async Task<List<List<string>>> ReportRowsAsync(string from, string to)
    {
        using var stream = new MemoryStream(await ReportBytesAsync(from, to, "xlsx"));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var rows = new List<List<string>>();
        foreach (var sheet in workbook.WorksheetParts)
        {
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                rows.Add([.. row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "")]);
            }
        }

        return rows;
    }
}
