using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.People.Contracts;

/// <summary>A person's mobile number as other modules may change it (a person changing their own, from 我的).</summary>
public interface IPersonPhone
{
    /// <summary>The number in its stored form (11 digits), or a 400 <c>person.phone_invalid</c> on <paramref name="field"/>.</summary>
    Result<string> Parse(string? phone, string field = "phone");

    /// <summary>
    /// Sets a visible person's number (already parsed) without saving: the caller's SaveChangesAsync saves it
    /// together with its own change, so both are written or neither.
    /// </summary>
    Task<Result<string>> StageChangeAsync(long personId, string phone, CancellationToken ct = default);
}
