using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Accounts;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "notifications" mode (issue 12), on the real server, Azurite and maildev: staff accounts that follow one story's
/// follow-up comments (each with an inbox and an email address; some with a live tab on their <c>user:</c> channel), a
/// story nobody follows beside it, and a guest commenting on both in turn. It measures the comment's acknowledgement
/// on each story (the fan-out must not slow it), the time from the acknowledgement until the last inbox has stored the
/// notification (the rows' storage timestamps) and until the last live tab has it, and the emails maildev got against
/// those expected: one per subscriber, holding every comment, as the comments all fall within one grace period.
/// </summary>
internal static class NotificationsBenchmark
{
    public const string Usage = "[--subscribers 5000] [--live 1000] [--posts 100] [--gap-ms 2000] [--grace 00:05:00] [--azurite disk|memory] [--notification-storage own|shared]";

    private const int FirstAccountIndex = 100;
    private const string Password = "bench-subscriber";

    public static async Task<int> RunAsync(string[] args)
    {
        var (subscribers, live, posts, gap, grace) = (5_000, 1_000, 100, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));
        var (inMemory, ownStorage) = (false, true);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--subscribers": subscribers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--live": live = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--posts": posts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--gap-ms": gap = TimeSpan.FromMilliseconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
                case "--grace": grace = TimeSpan.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--azurite" when args[i + 1] is "disk" or "memory": inMemory = args[i + 1] == "memory"; break;
                case "--notification-storage" when args[i + 1] is "own" or "shared": ownStorage = args[i + 1] == "own"; break;
                default:
                    Console.Error.WriteLine($"usage: notifications {Usage}");
                    return 2;
            }
        }

        live = Math.Min(live, subscribers);
        if (gap * (posts + 1) >= grace)
        {
            Console.Error.WriteLine($"The comments must all fall within one grace period ({grace}): {posts + 1} comments {gap.TotalMilliseconds} ms apart do not.");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {NewsroomServer.ServerAssembly}");
        Console.WriteLine(
            $"{subscribers} subscribers of one story ({live} with a live tab), a story with none beside it; {posts} comments on the quiet " +
            $"story, then 1 + {posts} on the followed one, {gap.TotalMilliseconds:0} ms apart; email grace period {grace}; " +
            (inMemory ? "Azurite in memory (never saving its database to disk)" : "Azurite on disk (saving its whole table database every 5 s)") +
            (ownStorage
                ? "; notifications in a storage account of their own (a second Azurite, ConnectionStrings:NotificationStorage)"
                : "; notifications in the newsroom's storage account (one Azurite for all)"));

        var settingsFile = await WriteAccountsAsync(subscribers);
        try
        {
            await using var azurite = await Azurite.StartAsync(inMemory);
            await using var ownAccount = ownStorage ? await Azurite.StartAsync(inMemory) : null;
            var notificationAccount = ownAccount ?? azurite;
            await using var mailDev = await MailDev.StartAsync();
            await using var server = await NewsroomServer.StartAsync(azurite, mailDev, new Dictionary<string, string?>
            {
                ["ConnectionStrings__NotificationStorage"] = notificationAccount.ConnectionString,
                ["Newsroom__SettingsFile"] = settingsFile,
                ["Newsroom__Email__GracePeriod"] = grace.ToString("c", CultureInfo.InvariantCulture),
                ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "100000",
                ["Newsroom__RateLimits__CommentsPerIdentity__Every"] = "00:00:00.001",
                ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "100000",
                ["Newsroom__RateLimits__CommentsPerAddress__Every"] = "00:00:00.001",
                ["Newsroom__Comments__GuestApprovalsBeforeTrust"] = "0",
            });
            return await MeasureAsync(notificationAccount, mailDev, server, subscribers, live, posts, gap, grace);
        }
        finally
        {
            File.Delete(settingsFile);
        }
    }

    private static async Task<int> MeasureAsync(
        Azurite notificationAccount, MailDev mailDev, NewsroomServer server, int subscribers, int live, int posts, TimeSpan gap, TimeSpan grace)
    {
        await using var desk = await PublishingDesk.OpenAsync(server);
        var (_, quiet) = await desk.PublishAsync("A story nobody follows.", "Quiet story", "World");
        var (_, followed) = await desk.PublishAsync("A story thousands follow.", "Followed story", "World");
        await using var guest = await CommentPoster.ConnectAsync(server, null, "Commenting Guest");
        for (var w = 0; w < 20; w++)
        {
            await guest.PostAsync(quiet, $"Warm-up comment {w}.");
        }

        var following = Stopwatch.StartNew();
        var cookies = await FollowAsync(server, subscribers, $"follow-ups:{followed}");
        Console.WriteLine($"{subscribers} subscribers signed in and followed the story in {following.Elapsed.TotalSeconds:0.0} s");

        // Comment 0 is the first the followed story's subscribers hear of: it activates their inboxes and mailboxes (as
        // the first comment on a story does after a quiet night), so it is reported apart from the steady comments.
        var total = posts + 1;
        var arrivals = new long[live][];
        for (var t = 0; t < live; t++)
        {
            arrivals[t] = new long[total];
        }

        var connecting = Stopwatch.StartNew();
        var seats = Enumerable.Range(0, live).Select(t => new CrowdSeat(cookies[t], $"user:{UserName(t)}")).ToList();
        await using var tabs = await ReaderCrowd.JoinAsync(server, "hubs/staff", seats, (t, message, at) =>
        {
            if (message.Span.IndexOf("\"notification.new\""u8) >= 0 && CommentNumber(message.Span) is { } n && n < total)
            {
                Interlocked.CompareExchange(ref arrivals[t][n], at, 0);
            }
        }, parallel: 32);
        Console.WriteLine($"{live} live tabs joined their user channels in {connecting.Elapsed.TotalSeconds:0.0} s");

        // The story nobody follows first, on its own, so no fan-out runs while it is measured.
        var quietAcks = new LatencyHistogram();
        for (var p = 0; p < posts; p++)
        {
            quietAcks.Record((await guest.PostAsync(quiet, $"A comment nobody is told of, number {p}.")).Took);
            await Task.Delay(gap);
        }

        var followedAcks = new LatencyHistogram();
        var ackedAt = new long[total];
        var ackedWall = new DateTimeOffset[total];
        var ackTimes = new TimeSpan[total];
        for (var p = 0; p < total; p++)
        {
            var (_, took, acked) = await guest.PostAsync(followed, $"Bench comment {p}: the count in district {p} is in.");
            ackedAt[p] = acked;
            ackTimes[p] = took;
            ackedWall[p] = DateTimeOffset.UtcNow;
            if (p == 0)
            {
                Console.WriteLine($"first comment on the followed story (cold inboxes and mailboxes) acknowledged in {took.TotalMilliseconds:0.0} ms");
                await WaitForTabsAsync(arrivals, 1);

                // The steady comments are measured on warm inboxes: the first one's fan-out (which wakes every inbox
                // and mailbox) is over before they start, and is reported on its own.
                var warming = Stopwatch.StartNew();
                while ((await InboxTimesAsync(notificationAccount, subscribers, 1, ackedWall)).Missing > 0 && warming.Elapsed < TimeSpan.FromMinutes(3))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }

                Console.WriteLine($"every inbox had the first comment {warming.Elapsed.TotalSeconds:0.0} s after its tabs did");
            }
            else
            {
                followedAcks.Record(took);
            }

            await Task.Delay(gap);
        }

        if (ackedWall[^1] - ackedWall[0] >= grace)
        {
            Console.WriteLine($"note: the comments spanned {(ackedWall[^1] - ackedWall[0]).TotalSeconds:0} s, more than one grace period: some subscribers get two emails");
        }

        // Every tab gets every comment, or the run says how many did not.
        await WaitForTabsAsync(arrivals, total);
        var tabsMissing = arrivals.Sum(a => a.Count(at => at == 0));
        var tabTimes = Enumerable.Range(0, total).Select(p =>
        {
            var last = arrivals.Max(a => a[p]);
            return Stopwatch.GetElapsedTime(ackedAt[p], last == 0 ? Stopwatch.GetTimestamp() : last);
        }).ToArray();
        var lastTab = Steady(tabTimes);

        var expected = subscribers;
        var (sent, complete) = await EmailsAsync(mailDev, expected, total, grace);

        // Read once the emails are out, so reading neither loads the run nor waits behind it.
        var (inboxTimes, inboxesMissing) = await InboxTimesAsync(notificationAccount, subscribers, total, ackedWall);
        var lastInbox = Steady(inboxTimes);
        Console.WriteLine(
            $"first comment: last inbox {inboxTimes[0].TotalMilliseconds:0} ms, last tab {tabTimes[0].TotalMilliseconds:0} ms after its acknowledgement");


        Console.WriteLine("per comment, its acknowledgement, then the last inbox and the last tab after it (ms): " +
            string.Join(", ", Enumerable.Range(0, total).Select(p =>
                $"{p} at {ackedWall[p]:HH:mm:ss}: {ackTimes[p].TotalMilliseconds:0.0}, {inboxTimes[p].TotalMilliseconds:0}/{tabTimes[p].TotalMilliseconds:0}")));
        var ackRatioP50 = followedAcks.PercentileMs(50) / quietAcks.PercentileMs(50);
        var ackRatioP99 = followedAcks.PercentileMs(99) / quietAcks.PercentileMs(99);
        Console.WriteLine();
        Console.WriteLine("| story | subscribers | ack p50 ms | ack p99 ms |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| quiet | 0 | {quietAcks.PercentileMs(50):0.0} | {quietAcks.PercentileMs(99):0.0} |");
        Console.WriteLine($"| followed | {subscribers} | {followedAcks.PercentileMs(50):0.0} | {followedAcks.PercentileMs(99):0.0} |");
        Console.WriteLine($"ack ratio (followed / quiet): p50 {ackRatioP50:0.00}, p99 {ackRatioP99:0.00}");
        Console.WriteLine(
            $"from the acknowledgement to the last of {subscribers} inboxes: p50 {lastInbox.PercentileMs(50):0} ms, max {lastInbox.MaxMs:0} ms; " +
            $"inbox rows missing: {inboxesMissing}");
        Console.WriteLine(
            $"from the acknowledgement to the last of {live} live tabs: p50 {lastTab.PercentileMs(50):0} ms, max {lastTab.MaxMs:0} ms; " +
            $"tab deliveries missing: {tabsMissing}");
        Console.WriteLine($"emails: {sent} sent, {expected} expected (one per subscriber); {complete} hold all {total} comments");
        // A call answered after Orleans' response timeout was given up on and made again: the warnings say how often.
        var log = server.Process.Output;
        Console.WriteLine($"grain calls answered after Orleans' response timeout (and so made again): {Occurrences(log, "Response did not arrive on time")}");
        Console.WriteLine();
        Console.WriteLine("target: ack ratio at most 1.2; last inbox under 2,000 ms; last tab under 1,000 ms after the last inbox; emails sent = expected");
        var ratio = Math.Max(ackRatioP50, ackRatioP99);
        Console.WriteLine(
            $"notifications: ack ratio {ratio:0.00}; last inbox {lastInbox.MaxMs:0} ms; last tab {lastTab.MaxMs:0} ms; emails {sent}/{expected}");
        return inboxesMissing == 0 && tabsMissing == 0 && sent == expected ? 0 : 1;
    }

    private static int Occurrences(string text, string what)
    {
        var (count, at) = (0, text.IndexOf(what, StringComparison.Ordinal));
        for (; at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string UserName(int subscriber) => $"sub{subscriber:D5}";

    /// <summary>
    /// The subscribers' staff accounts, in a settings file (thousands of environment variables would not fit): a cheap
    /// password hash, which says its own iteration count, so signing them all in measures nothing but the benchmark.
    /// </summary>
    private static async Task<string> WriteAccountsAsync(int subscribers)
    {
        var hash = PasswordHash.Create(Password, iterations: 1_000);
        var json = new StringBuilder("{ \"Newsroom\": { \"Staff\": { \"Accounts\": {\n");
        for (var s = 0; s < subscribers; s++)
        {
            json.Append(CultureInfo.InvariantCulture,
                $"\"{FirstAccountIndex + s}\": {{ \"UserName\": \"{UserName(s)}\", \"DisplayName\": \"Subscriber {s}\", \"Roles\": [\"reporter\"], " +
                $"\"Email\": \"{UserName(s)}@newsroom.localhost\", \"PasswordHash\": \"{hash}\" }}{(s + 1 < subscribers ? "," : "")}\n");
        }

        json.Append("} } } }\n");
        var path = Path.Combine(Path.GetTempPath(), $"newsroom-bench-accounts-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(path, json.ToString());
        return path;
    }

    /// <summary>Each subscriber signs in and follows the topic on the staff hub, as the article page's Follow does.</summary>
    private static async Task<CookieContainer[]> FollowAsync(NewsroomServer server, int subscribers, string topic)
    {
        var cookies = new CookieContainer[subscribers];
        using var opening = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, subscribers).Select(async s =>
        {
            await opening.WaitAsync();
            try
            {
                using var session = await server.SignInAsync(UserName(s), Password);
                cookies[s] = session.Cookies;
                await using var hub = new HubConnectionBuilder()
                    .WithUrl(new Uri(server.BaseAddress, "hubs/staff"), o =>
                    {
                        o.Cookies = session.Cookies;
                        o.Transports = HttpTransportType.WebSockets;
                    })
                    .Build();
                await hub.StartAsync();
                await hub.InvokeAsync("Follow", topic);
            }
            finally
            {
                opening.Release();
            }
        }));
        return cookies;
    }

    /// <summary>
    /// Per comment, the time from its acknowledgement until the last inbox has it stored, from storage timestamps
    /// (Azurite's clock is this machine's): a pack's own, or the one a bucket kept for the pack its share came from.
    /// Read once at the end, so reading does not load the run.
    /// </summary>
    private static async Task<(TimeSpan[] Last, int Missing)> InboxTimesAsync(Azurite azurite, int subscribers, int posts, DateTimeOffset[] ackedWall)
    {
        // Partition by partition (PersonRows' h00–hff): Azurite reads the whole table for every page a query returns,
        // and sorts what matched, so pages of one partition's rows cost far less than pages of the whole table.
        var options = new TableClientOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(5);
        var table = new TableClient(azurite.ConnectionString, TableInboxStore.TableName, options);
        var last = new DateTimeOffset[posts];
        var told = new HashSet<(string Inbox, int Comment)>();
        void Stored(string inbox, Notification notification, DateTimeOffset? at)
        {
            if (inbox.StartsWith("staff:sub", StringComparison.Ordinal) && at is { } storedAt
                && CommentNumber(Encoding.UTF8.GetBytes($"{notification.Title} {notification.Excerpt}")) is { } n && n < posts && told.Add((inbox, n)))
            {
                last[n] = storedAt > last[n] ? storedAt : last[n];
            }
        }

        var rows = Enumerable.Range(0, PersonRows.Partitions).ToAsyncEnumerable()
            .SelectMany(p => table.QueryAsync<TableEntity>($"PartitionKey eq 'h{p:x2}'"));
        await foreach (var row in rows)
        {
            if (row.RowKey.StartsWith("pack|", StringComparison.Ordinal) || row.RowKey.Contains("|b-", StringComparison.Ordinal))
            {
                var pack = InboxPack.Read(row, row.Timestamp);
                foreach (var delivery in pack.Deliveries)
                {
                    foreach (var entry in pack.EntriesOf(delivery))
                    {
                        Stored(delivery.Inbox, entry.Notification, delivery.StoredAt);
                    }
                }
            }
        }

        var counts = Enumerable.Range(0, posts).Select(p => told.Count(t => t.Comment == p)).ToArray();
        return ([.. Enumerable.Range(0, posts).Select(p => last[p] - ackedWall[p])], counts.Sum(c => Math.Max(0, subscribers - c)));
    }

    /// <summary>Waits for the emails (the grace period, then the sending) and counts those that hold every comment.</summary>
    private static async Task<(int Sent, int Complete)> EmailsAsync(MailDev mailDev, int expected, int posts, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<ReceivedMail> mails = [];
        var quietSince = Stopwatch.StartNew();
        var lastCount = -1;
        while (deadline.Elapsed < grace + TimeSpan.FromMinutes(5))
        {
            mails = [.. (await mailDev.MailsWithoutHeadersAsync()).Where(m => m.To.Any(t => t.Address.StartsWith("sub", StringComparison.Ordinal)))];
            if (mails.Count != lastCount)
            {
                (lastCount, quietSince) = (mails.Count, Stopwatch.StartNew());
            }

            // All expected, and nothing more for a while (a second email to anyone would be counted too).
            if (mails.Count >= expected && quietSince.Elapsed > TimeSpan.FromSeconds(10))
            {
                break;
            }

            // Each look lists every mail, text and HTML: thousands of them, so not too often.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        var complete = mails.Count(m => Enumerable.Range(0, posts).All(p => m.Text.Contains($"Bench comment {p}:", StringComparison.Ordinal)));
        return (mails.Count, complete);
    }

    /// <summary>The steady comments' times (all but the first).</summary>
    private static LatencyHistogram Steady(TimeSpan[] times)
    {
        var steady = new LatencyHistogram();
        foreach (var time in times.Skip(1))
        {
            steady.Record(time);
        }

        return steady;
    }

    /// <summary>Waits until every tab has the first <paramref name="comments"/> comments, for a minute at most.</summary>
    private static async Task WaitForTabsAsync(long[][] arrivals, int comments)
    {
        var waited = Stopwatch.StartNew();
        while (arrivals.Any(a => a.Take(comments).Any(at => at == 0)) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
    }

    private static int? CommentNumber(ReadOnlySpan<byte> text)
    {
        var at = text.IndexOf("Bench comment "u8);
        if (at < 0)
        {
            return null;
        }

        var digits = text[(at + "Bench comment ".Length)..];
        var end = digits.IndexOf((byte)':');
        return end > 0 && int.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
