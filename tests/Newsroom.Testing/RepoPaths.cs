namespace Newsroom.Testing;

/// <summary>Paths that tests and benchmarks resolve from the checkout, wherever they run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    /// <summary>The folder that holds Newsroom.sln.</summary>
    public static string Root => _root.Value;

    /// <summary>The project's ../shared folder (fixtures, traces), which lies beside the checkout.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Newsroom.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Newsroom.sln not found above {AppContext.BaseDirectory}.");
    }
}
