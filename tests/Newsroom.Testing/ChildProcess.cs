using System.Collections.Concurrent;
using System.Diagnostics;

namespace Newsroom.Testing;

/// <summary>A process a test starts, with its output kept for failure messages.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _awaitedLines = new();
    private readonly ConcurrentQueue<Action<string>> _followers = new();
    private int _endedStreams;

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public Task Exited => _exited.Task;

    /// <summary>
    /// Completes when standard output and error have both been read to their end: <see cref="Exited"/> can come
    /// first, with the process's last lines still on their way to <see cref="Output"/>.
    /// </summary>
    public Task OutputEnded => _outputEnded.Task;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    public IEnumerable<string> StandardErrorLines => _output.Where(l => l.StartsWith("err| ", StringComparison.Ordinal)).Select(l => l[5..]);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep("out| ", e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep("err| ", e.Data);
        process.Exited += (_, _) => child._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// The first line of output (prefixed "out| " or "err| ") that matches, completed as soon as it is read, so a test
    /// can act at that moment (kill a server midway through its work); lines already read count too.
    /// </summary>
    /// <summary>
    /// Hands <paramref name="each"/> every line read from now on (prefixed as in <see cref="Output"/>), for a test that
    /// reads more than the last 2,000 lines <see cref="Output"/> keeps.
    /// </summary>
    public void Follow(Action<string> each) => _followers.Enqueue(each);

    public Task<string> LineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaitedLines.Enqueue((match, seen));
        if (_output.FirstOrDefault(match) is { } line)
        {
            seen.TrySetResult(line);
        }

        return seen.Task;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: nothing in the process gets to flush or say goodbye.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Sends a signal with <c>kill</c>, for example <c>-STOP</c> and <c>-CONT</c>.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>SIGTERM, then waits for the process to finish shutting down.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            await SignalAsync("-TERM");
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string prefix, string? line)
    {
        if (line is null)
        {
            // Both streams end once the process has exited and every line before has been delivered.
            if (Interlocked.Increment(ref _endedStreams) == 2)
            {
                _outputEnded.TrySetResult();
            }

            return;
        }

        _output.Enqueue(prefix + line);
        foreach (var follower in _followers)
        {
            follower(prefix + line);
        }

        foreach (var (match, seen) in _awaitedLines)
        {
            if (!seen.Task.IsCompleted && match(prefix + line))
            {
                seen.TrySetResult(prefix + line);
            }
        }

        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
