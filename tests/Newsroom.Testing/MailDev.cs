using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Newsroom.Testing;

/// <summary>
/// A private maildev for a test: an SMTP server that keeps every mail it gets (and relays nothing), on its own
/// loopback ports and mail folder, read back through its REST API.
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly HttpClient _api;
    private readonly ConcurrentDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> _headers = new();
    private ChildProcess? _process;

    private MailDev(string location)
    {
        Location = location;
        SmtpPort = FreePort.Next();
        WebPort = FreePort.Next();
        WebAddress = new Uri($"http://127.0.0.1:{WebPort}/");
        _api = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Where maildev keeps the mails it got (a temp folder of its own: by default every maildev shares one).</summary>
    public string Location { get; }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>Its web inbox, and the base of its REST API (<c>api/email</c>).</summary>
    public Uri WebAddress { get; }

    /// <summary>The <c>Newsroom:Email</c> settings that point a server's email at this maildev.</summary>
    public IReadOnlyDictionary<string, string?> ServerSettings => new Dictionary<string, string?>
    {
        ["Newsroom__Email__Host"] = "127.0.0.1",
        ["Newsroom__Email__Port"] = $"{SmtpPort}",
        ["Newsroom__Email__UseTls"] = "false",
    };

    public static async Task<MailDev> StartAsync()
    {
        var location = Path.Combine(Path.GetTempPath(), "newsroom-tests", "maildev-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(location);
        var mailDev = new MailDev(location);
        try
        {
            await mailDev.LaunchAsync();
            return mailDev;
        }
        catch
        {
            await mailDev.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every mail received so far, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsAsync() => await ReceivedAsync();

    /// <summary>
    /// Every mail received so far without their headers (which take a request per mail): for counting thousands of them.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsWithoutHeadersAsync() => await ReceivedAsync(withHeaders: false);

    /// <summary>The first mail received (before or while waiting) that matches.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(Func<ReceivedMail, bool> match, TimeSpan timeout)
    {
        var mails = await Eventually.Until(ReceivedAsync, received => received.Any(match), timeout, "a matching mail in maildev");
        return mails.First(match);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        _api.Dispose();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }

    /// <summary>
    /// From the list endpoint, whose HTML is the part as sent; maildev's one-mail endpoints clean it with DOMPurify
    /// first, which would hide markup a test means to find.
    /// </summary>
    private async Task<MailList> ReceivedAsync() => await ReceivedAsync(withHeaders: true);

    private async Task<MailList> ReceivedAsync(bool withHeaders)
    {
        var listed = await _api.GetFromJsonAsync<List<MailDevEmail>>("api/email?sort=asc")
            ?? throw new InvalidOperationException("maildev answered api/email with null.");
        var mails = new List<ReceivedMail>(listed.Count);
        foreach (var email in listed)
        {
            mails.Add(new ReceivedMail(
                email.Id,
                email.Subject ?? "",
                email.Text ?? "",
                email.Html ?? "",
                [.. (email.To ?? []).Select(a => new ReceivedAddress(a.Address ?? "", a.Name ?? ""))],
                [.. (email.From ?? []).Select(a => new ReceivedAddress(a.Address ?? "", a.Name ?? ""))],
                withHeaders ? await HeadersAsync(email.Id) : []));
        }

        return new MailList(mails);
    }

    private async Task LaunchAsync()
    {
        var script = Path.Combine(RepoPaths.NodeModules, "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"maildev is not installed at {script}: run 'npm ci' in {RepoPaths.Root}.");
        }

        // Run from its own folder: maildev reads a .maildevrc.json from the folder it runs in and every folder above.
        var process = _process = ChildProcess.Start(
            "node",
            [
                script, "--ip", "127.0.0.1", "--smtp", $"{SmtpPort}", "--web-ip", "127.0.0.1", "--web", $"{WebPort}",
                "--mail-directory", Location,
            ],
            Location,
            new Dictionary<string, string?>());
        await Eventually.Until(
            async () => process.Exited.IsCompleted
                ? throw new InvalidOperationException($"maildev exited:\n{process.Output}")
                : await AcceptsSmtp() && await AnswersApi(),
            ready => ready,
            Azurite.StartTimeout,
            $"maildev to listen on SMTP port {SmtpPort} and web port {WebPort}");
    }

    private async Task<bool> AcceptsSmtp()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<bool> AnswersApi()
    {
        try
        {
            return (await _api.GetAsync("api/healthz")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// The headers as sent, read from the raw message: maildev's JSON keeps only the headers its parser left as plain
    /// strings, and List-Unsubscribe is not one of them. Values are unfolded but not decoded (RFC 2047 words stay encoded).
    /// </summary>
    private async Task<IReadOnlyList<KeyValuePair<string, string>>> HeadersAsync(string id)
    {
        if (_headers.TryGetValue(id, out var known))
        {
            return known;
        }

        var source = await _api.GetStringAsync($"api/email/{Uri.EscapeDataString(id)}/source");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in source.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0))
        {
            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = KeyValuePair.Create(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return _headers[id] = headers;
    }

    /// <summary>The mails with a readable <see cref="ToString"/>, for what a wait that timed out last saw.</summary>
    private sealed class MailList(List<ReceivedMail> mails) : List<ReceivedMail>(mails)
    {
        public override string ToString() => Count == 0 ? "no mail" : $"{Count} mails: {string.Join("; ", this)}";
    }

    private sealed record MailDevEmail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string? Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("html")] string? Html,
        [property: JsonPropertyName("to")] List<MailDevAddress>? To,
        [property: JsonPropertyName("from")] List<MailDevAddress>? From);

    private sealed record MailDevAddress(
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("name")] string? Name);
}

/// <summary>A mail as maildev received it: its parts decoded, its headers as sent.</summary>
public sealed record ReceivedMail(
    string Id,
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<ReceivedAddress> To,
    IReadOnlyList<ReceivedAddress> From,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The first header of that name (names ignore case), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override string ToString() => $"\"{Subject}\" to {string.Join(", ", To)}";
}

public sealed record ReceivedAddress(string Address, string Name)
{
    public override string ToString() => Name.Length > 0 ? $"{Name} <{Address}>" : Address;
}
