namespace Wenming.Web.Modules.People.Contracts;

/// <summary>A person's political status (政治面貌). Both enums are contracts: pages of every module label them.</summary>
public enum PoliticalStatus
{
    Masses = 0,
    PartyMember = 1,
    ProbationaryPartyMember = 2,
    LeagueMember = 3,
    Other = 9,
}

/// <summary>Gender as the ID number states it (odd sequence = male).</summary>
public enum Gender
{
    Female = 0,
    Male = 1,
}
