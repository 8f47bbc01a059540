using System.Diagnostics;

namespace Newsroom.Testing;

/// <summary>Waits on a condition, never on a fixed sleep; fails with the last observation when time runs out.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await observe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; last saw: {value}");
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    public static async Task WaitAsync(this Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}.");
        }
    }
}
