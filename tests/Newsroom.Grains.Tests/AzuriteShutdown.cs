using System.Diagnostics;
using System.Globalization;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests;

/// <summary>
/// Azurite keeps its metadata in memory, saves it every 5 s, and <see cref="Azurite.StopAsync"/> kills it,
/// so a kill forgets what was written in its last seconds: something real storage never does to a write it
/// acknowledged. On SIGTERM Azurite saves before it exits, which is the outage these tests mean.
/// </summary>
internal static class AzuriteShutdown
{
    public static async Task StopGracefullyAsync(this Azurite azurite)
    {
        var pid = FindProcess(azurite.Location);
        using (var term = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await Eventually.Until(() => Task.FromResult(HasExited(pid)), exited => exited, TimeSpan.FromSeconds(30), "Azurite to save its data and exit");
        await azurite.StopAsync();
    }

    /// <summary>The Azurite this test started: the one node process whose arguments name its private data folder.</summary>
    private static int FindProcess(string location)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (arguments.Contains(location) && arguments.Any(a => a.EndsWith("azurite.js", StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended while the list was read.
            }
        }

        throw new InvalidOperationException($"No running Azurite keeps its data in {location}.");
    }

    private static bool HasExited(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
