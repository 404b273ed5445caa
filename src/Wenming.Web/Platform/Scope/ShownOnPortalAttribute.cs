namespace Wenming.Web.Platform.Scope;

/// <summary>
/// Marks an entity that the anonymous portal shows (an article, an activity, a service item, a points notice): a
/// committed write of one starts a new <c>PublicContentVersions</c> generation for its county (ADR 0056). Beside
/// <see cref="ICountyScoped"/>, whose county it uses, so that a module's domain marks its own entity.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShownOnPortalAttribute : Attribute;
