// A deliberately broken example, compiled into the test assembly only: a platform type that depends on a
// module's domain type. The namespace imitates the real layout so the rule sees it as platform code.
#pragma warning disable IDE0130
namespace Wenming.Web.Platform.ArchitectureFixture;

public sealed class PlatformLeak(global::Wenming.Web.Modules.Organization.Domain.OrgUnit unit)
{
    public object Unit => unit;
}
