using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wenming.UnitTests;

/// <summary>
/// The README's run command, run.sh, starts the built assembly itself instead of through <c>dotnet run</c> (ADR 0092),
/// so it sets by hand what <c>dotnet run</c> takes from the launch profile, and names the build's output folder. These
/// tests hold the two files together: a setting added to the profile, or a new target framework, that the script
/// does not follow would start the demo differently from <c>dotnet run</c>, or not at all.
/// </summary>
public sealed partial class RunScriptTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(Repository.Root(), "run.sh"));

    [Fact]
    public void RunScript_SetsWhatTheLaunchProfileSets()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "src/Wenming.Web/Properties/launchSettings.json")));
        var profile = settings.RootElement.GetProperty("profiles").GetProperty("Wenming.Web");
        var expected = profile.GetProperty("environmentVariables").EnumerateObject()
            .Select(v => (v.Name, Value: v.Value.GetString()!))
            .Append(("ASPNETCORE_URLS", profile.GetProperty("applicationUrl").GetString()!))
            .OrderBy(v => v.Item1, StringComparer.Ordinal)
            .ToList();

        var exported = Export().Matches(Script).Select(m => (m.Groups[1].Value, Value: m.Groups[2].Value))
            .OrderBy(v => v.Item1, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, exported);
    }

    [Fact]
    public void RunScript_StartsTheAssemblyOfTheProjectsTargetFramework()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root(), "Directory.Build.props"));
        var framework = Regex.Match(props, "<TargetFramework>([^<]+)</TargetFramework>").Groups[1].Value;

        Assert.Contains($"app=bin/Debug/{framework}/Wenming.Web.dll", Script, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^export (\w+)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex Export();
}
