// A deliberately broken example, compiled into the test assembly only: a handler of the Accounts
// module that takes the People module's registration handler (not its Contracts) as a dependency.
// The namespace imitates the real layout so the rule sees it as module code.
#pragma warning disable IDE0130
namespace Wenming.Web.Modules.Accounts.Features.ArchitectureFixture;

public sealed class LeakyHandler(global::Wenming.Web.Modules.People.Features.RegisterPerson.RegisterPersonHandler register)
{
    public object Dependency => register;
}
