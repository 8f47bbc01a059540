using System.Diagnostics;

namespace Newsroom.Benchmarks;

/// <summary>
/// CPU time of the processes a benchmark runs (itself, the server, Azurite) and of the whole machine over an
/// interval, from /proc: on 2 shared cores the first question about a missed target is who had the CPU.
/// </summary>
internal sealed class CpuMeter
{
    // USER_HZ, the unit of /proc's CPU times, is 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    private readonly (string Name, int Pid)[] _processes;
    private readonly double[] _startSeconds;
    private readonly (long Busy, long Stolen, long Total) _startMachine;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    public CpuMeter(IEnumerable<(string Name, int Pid)> processes)
    {
        _processes = [.. processes];
        _startSeconds = [.. _processes.Select(p => ProcessSeconds(p.Pid))];
        _startMachine = MachineTicks();
    }

    /// <summary>Azurite's node process, found by the data folder on its command line (the Azurite helper keeps its pid private).</summary>
    public static int? FindAzurite(string location)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains("azurite", StringComparison.Ordinal) && cmdline.Contains(location, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return null;
    }

    /// <summary>
    /// One line: each process's CPU as a share of one core, the machine's busy share of all cores, and the share the
    /// hypervisor gave to other machines (steal): on 2026-12-03 it took 43% of this one, and every run then missed.
    /// </summary>
    public string Report()
    {
        var wall = _wall.Elapsed.TotalSeconds;
        var parts = _processes.Select((p, i) => $"{p.Name} {(ProcessSeconds(p.Pid) - _startSeconds[i]) / wall * 100:0}%");
        var (busy, stolen, total) = MachineTicks();
        var ticks = total - _startMachine.Total;
        var machine = ticks > 0 ? (double)(busy - _startMachine.Busy) / ticks * 100 : 0;
        var steal = ticks > 0 ? (double)(stolen - _startMachine.Stolen) / ticks * 100 : 0;
        return $"{string.Join(", ", parts)} of one core; machine {machine:0}% of {Environment.ProcessorCount} cores, {steal:0}% stolen by the host, {wall:0.0} s";
    }

    /// <summary>
    /// CPU seconds the named process used since the meter started, summed over "name 0", "name 1", … (a cluster's
    /// silos); 0 for a name it does not watch.
    /// </summary>
    public double SecondsOf(string name) =>
        _processes
            .Select((p, i) => (p, i))
            .Where(x => x.p.Name == name || x.p.Name.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(x => ProcessSeconds(x.p.Pid) - _startSeconds[x.i]);

    private static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // /proc/stat's first line: user nice system idle iowait irq softirq steal, then guest times already counted in user.
    private static (long Busy, long Stolen, long Total) MachineTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
        var idle = cpu[3] + cpu[4];
        var steal = cpu.Length > 7 ? cpu[7] : 0;
        var total = cpu.Take(8).Sum();
        return (total - idle - steal, steal, total);
    }
}
