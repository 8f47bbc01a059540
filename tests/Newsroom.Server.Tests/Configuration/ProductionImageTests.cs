using System.Text.RegularExpressions;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Configuration;

/// <summary>
/// The benchmarks start their servers with <see cref="NewsroomServer.ProductionRuntime"/>, which is meant to be what
/// the production image sets for the runtime: a figure measured with a setting the image lacks would not be the
/// product's.
/// </summary>
public sealed partial class ProductionImageTests
{
    [Fact]
    public void TheImagesRuntimeSettings_AreTheBenchmarksProductionRuntime()
    {
        var dockerfile = File.ReadAllText(RepoPaths.InRoot("infra", "Dockerfile"));
        var image = RuntimeSetting().Matches(dockerfile).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var benchmarks = NewsroomServer.ProductionRuntime.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

        Assert.Equal(benchmarks.OrderBy(s => s.Key), image.OrderBy(s => s.Key));
        Assert.Equal("256", image["DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION"]);
        // The suite's own settings for its servers are cleared, so the image's defaults (the server GC) hold.
        Assert.All(NewsroomServer.ProductionRuntime.Where(s => s.Value is null), s => Assert.False(image.ContainsKey(s.Key)));
    }

    // ENV lines and their continuations: NAME=value for each runtime (DOTNET_) setting.
    [GeneratedRegex(@"^\s*(?:ENV\s+)?(?<name>DOTNET_\w+)=(?<value>\S+?)\s*\\?\s*$", RegexOptions.Multiline)]
    private static partial Regex RuntimeSetting();
}
