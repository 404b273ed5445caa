namespace Wenming.UnitTests;

/// <summary>The repository's checkout, for the tests that compare (and on request rewrite) generated files in it.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wenming.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Wenming.slnx not found above " + AppContext.BaseDirectory);
    }
}
