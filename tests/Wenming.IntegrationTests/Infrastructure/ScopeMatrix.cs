using System.Net;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The one runner of the scope matrices (<see cref="ScopeMatrixTests"/>, <see cref="OrderScopeMatrixTests"/>,
/// <see cref="PointsScopeMatrixTests"/>): a row is <c>{ who, endpoint, target, status }</c>; a matrix only says how
/// to call each endpoint on a target, the runner signs in as <c>who</c>, calls and checks the answer the same way for all.
/// </summary>
public static class ScopeMatrix
{
    /// <summary>
    /// Calls <paramref name="call"/> as <paramref name="who"/> and asserts the status; a refusal must be a problem
    /// document, and when <paramref name="forbiddenCodes"/> are given, a 404 must carry a <c>*not_found</c> code and a
    /// 403 one of those codes.
    /// </summary>
    public static async Task AssertAnswerAsync(
        AppFixture app, string who, string endpoint, string target, int status, Func<ApiClient, Task<ApiResponse>> call, params string[] forbiddenCodes)
    {
        var response = await call(app.As(who));

        Assert.True(response.StatusCode == status, $"{who} {endpoint} on {target}: expected {status}, got {response}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.ContentType);
            if (forbiddenCodes.Length > 0)
            {
                Assert.True(status == 404 ? response.Code?.EndsWith("not_found", StringComparison.Ordinal) == true : forbiddenCodes.Contains(response.Code), response.ToString());
            }
        }
    }

    /// <summary>A fresh person registered by the system admin in <paramref name="unitId"/>, the usual target of a row.</summary>
    public static async Task<long> NewPersonAsync(AppFixture app, long unitId, string name = "范围测试") =>
        (await app.Admin.PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = unitId }))
            .Expect(HttpStatusCode.Created).Id;
}
