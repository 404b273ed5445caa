using Microsoft.AspNetCore.Identity;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Security;

/// <summary>Identity's messages, from the resources (zh-CN).</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError Of(string code, params object[] args) => new() { Code = code, Description = Text.Get("identity." + code, args) };

    public override IdentityError PasswordTooShort(int length) => Of(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Of(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Of(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Of(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Of(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Of(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError DuplicateUserName(string userName) => Of(nameof(DuplicateUserName), userName);

    public override IdentityError InvalidUserName(string? userName) => Of(nameof(InvalidUserName), userName ?? "");
}
