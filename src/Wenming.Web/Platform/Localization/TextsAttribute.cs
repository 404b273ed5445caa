namespace Wenming.Web.Platform.Localization;

/// <summary>
/// Declares that one embedded resource (a module's own &lt;Module&gt;.resx beside its module file, by its base name)
/// owns every text key whose first segment is one of
/// <paramref name="prefixes"/>. Each module declares its own, so Platform knows no module (ADR 0028).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TextsAttribute(string resource, params string[] prefixes) : Attribute
{
    public string Resource { get; } = resource;

    public IReadOnlyList<string> Prefixes { get; } = prefixes;
}
