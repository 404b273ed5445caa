using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// Why a place reads or writes past the org scope (ADR 0005, ADR 0027). The set is closed on purpose: a new
/// reason is a design decision, reviewed with the allowlist in <c>UnscopedReadsTests</c>, not a new string.
/// </summary>
public enum Why
{
    /// <summary>登录与刷新令牌发生在操作者确定之前。Sign-in and token refresh run before the actor, and so the scope, is known.</summary>
    SignIn,

    /// <summary>系统作业：启动检查、演示数据、对已在来源处授权的事件的反应。System work: start-up checks, demo seeding, reactions to events authorized at their source.</summary>
    SystemOperation,

    /// <summary>公开核验证书，任何人凭编号核验。Public certificate verification: anyone with the number may check it.</summary>
    PublicVerification,

    /// <summary>全县（或全平台）唯一性检查：区划代码、登录名、身份证号、组织名称、每人一个志愿者档案。County- or platform-wide uniqueness: division codes, logins, ID numbers, organization names, one volunteer per person.</summary>
    Uniqueness,

    /// <summary>本人的记录，无论在哪个单位产生：我的订单、兑换、积分、日历。A person's own rows, whichever unit holds them: my orders, redemptions, points, calendar.</summary>
    OwnRecords,

    /// <summary>上级单位向下级开放的服务、商品、活动和规则。What a unit above offers those below: its service catalog, shelf, activities and county rules.</summary>
    UnitAbove,

    /// <summary>可见的记录指向别处的记录：派给别的单位队伍的订单、在别处登记的志愿者、撤销记录、上下级状态、通讯录查询。A visible row refers to rows elsewhere: an order to another unit's team, a volunteer registered elsewhere, reversals, parent and child units, directory look-ups.</summary>
    CrossUnitReference,

    /// <summary>个人信息的导出与匿名化，覆盖此人所在的每个单位（ADR 0004、0023）。Exporting or anonymizing one person's data in every unit (ADR 0004, ADR 0023).</summary>
    PersonalData,

    /// <summary>公开信息：实践基金的捐赠（匿名者显示为爱心人士）、项目与支出，已发布的文章与活动，任何人可查看。Public disclosure: the fund's donations (anonymous donors masked), projects and spending, published articles and activities, open to anyone.</summary>
    PublicDisclosure,
}

/// <summary>The one way to read past the org scope: a named call that says why, kept on a list by the architecture tests.</summary>
public static class UnscopedReads
{
    /// <summary>
    /// The query without the org-scope filter. EF Core lifts it for the whole query, so every filtered part of
    /// the query must be unscoped too; <see cref="ScopeLiftGuard"/> refuses a query that mixes them.
    /// </summary>
    public static IQueryable<T> Unscoped<T>(this IQueryable<T> query, Why because)
        where T : class
    {
        _ = because; // The purpose is for the reader and the allowlist; the query is the same for each.
        return query.IgnoreQueryFilters();
    }

    /// <summary>Lifts the scope, reads and writes alike, until the returned handle is disposed.</summary>
    public static IDisposable Unscoped(this OrgScope scope, Why because)
    {
        _ = because;
        return scope.Unrestricted();
    }
}
