using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Collab;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

public sealed partial class DraftPushValidationTests
{
    private const int ValidPerWriter = 900;
    private const int BadPerConnection = 2_800;

    /// <summary>
    /// Two writers send valid pushes, fresh, late (rebased) and resent (dropped), each against a model of what
    /// the server must do with them; four connections meanwhile send bad pushes of every kind, all pipelined.
    /// Every push must get exactly its expected answer, and the draft must end as the models say.
    /// </summary>
    [Fact]
    public async Task Fuzz_TenThousandGoodAndBadPushes_OnlyTheValidOnesChangeAnything()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var draftId = await rosa.CreateDraftAsync("Fuzz");
        await using var witness = await DraftEditorClient.OpenAsync(eddie, draftId, "witness");
        var clock = Stopwatch.StartNew();

        var writers = new[] { ("body", new FieldModel("")), ("standfirst", new FieldModel("")) };
        var valid = writers.Select((w, i) => w.Item2.Generate(new Random(7 + i), $"w{i}-", ValidPerWriter)).ToList();
        var bad = Enumerable.Range(0, 4).Select(i => BadPush.Generate(new Random(70 + i), draftId, BadPerConnection)).ToList();

        var connections = new List<HubConnection>();
        try
        {
            var work = new List<Task>();
            for (var i = 0; i < writers.Length; i++)
            {
                var connection = await Connect(rosa, connections);
                var (field, _) = writers[i];
                work.Add(SendValid(connection, draftId, field, valid[i]));
            }

            for (var i = 0; i < bad.Count; i++)
            {
                var connection = await Connect(i == 0 ? mona : i % 2 == 0 ? rosa : eddie, connections);
                work.Add(SendBad(connection, i == 0, bad[i]));
            }

            await Task.WhenAll(work);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        var view = await rosa.ReadDraftAsync(draftId);
        var fields = view.GetProperty("fields");
        foreach (var (field, model) in writers)
        {
            Assert.Equal(model.Version, fields.GetProperty(field).GetProperty("version").GetInt32());
            Assert.Equal(model.Doc, JsStrings.Read(fields.GetProperty(field).GetProperty("text")));
            await witness.WaitUntilAsync(e => e.Version(field) == model.Version, _wait, $"the witness at {field} v{model.Version}");
            Assert.Equal(model.Doc, witness.Text(field));
        }

        Assert.Equal((1, "Fuzz"), (fields.GetProperty("headline").GetProperty("version").GetInt32(), fields.GetProperty("headline").GetProperty("text").GetString()));
        Assert.Empty(witness.Errors);
        var total = valid.Sum(v => v.Count) + bad.Sum(b => b.Count);
        Assert.True(total >= 10_000, $"Only {total} pushes.");
        TestContext.Current.SendDiagnosticMessage($"{total} pushes in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<HubConnection> Connect(StaffSession session, List<HubConnection> connections)
    {
        var connection = session.Connect();
        connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    // One at a time, as an editor pushes a field: the hub runs several calls of a connection at once, and
    // each push must meet the server in exactly the state the model gave it.
    private static async Task SendValid(HubConnection connection, string draftId, string field, List<ModelPush> pushes)
    {
        for (var i = 0; i < pushes.Count; i++)
        {
            var result = await connection.InvokeAsync<JsonElement>("PushUpdates", draftId, field, pushes[i].BaseVersion, pushes[i].Updates);
            Assert.True(
                pushes[i].ExpectedVersion == result.GetProperty("version").GetInt32(),
                $"{field} push {i} ({pushes[i].What}) returned {result}, expected version {pushes[i].ExpectedVersion}.");
        }
    }

    private static async Task SendBad(HubConnection connection, bool moderator, List<BadPush> pushes)
    {
        var calls = pushes.Select(p => connection.InvokeAsync<JsonElement>("PushUpdates", p.DraftId, p.Field, p.BaseVersion, p.Updates)).ToList();
        for (var i = 0; i < pushes.Count; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => calls[i]);
            // The hub checks the id's shape and binds the arguments before it looks at who is calling.
            var reason = moderator && pushes[i].What is not "malformed id" ? "You may read this draft but not edit it." : pushes[i].Reason;
            Assert.True(
                refused.Message.Contains(reason, StringComparison.Ordinal),
                $"Bad push {i} ({pushes[i].What}) was refused with '{refused.Message}', expected '{reason}'.");
        }
    }

    private sealed record ModelPush(string What, int BaseVersion, JsonElement Updates, int ExpectedVersion);

    /// <summary>What the server must hold for one field: its log, as the collab client algorithm rebases.</summary>
    private sealed class FieldModel(string initial)
    {
        private readonly List<CollabUpdate> _log = [];
        private readonly List<string> _docs = [initial];

        public int Version => _log.Count;

        public string Doc => _docs[^1];

        public List<ModelPush> Generate(Random random, string clientPrefix, int count)
        {
            var pushes = new List<ModelPush>(count);
            while (pushes.Count < count)
            {
                if (_log.Count > 0 && random.NextDouble() < 0.1)
                {
                    // A resend of an accepted update from before it: the server must drop it.
                    var at = random.Next(_log.Count);
                    var resent = _log[at];
                    pushes.Add(new ModelPush("resend", at, Updates([resent]), Version));
                    continue;
                }

                var baseVersion = Version - random.Next(0, Math.Min(4, Version) + 1);
                var client = new CollabDocument($"{clientPrefix}{pushes.Count}", _docs[baseVersion], baseVersion);
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    client.Edit(RandomEdits.Next(random, client.Doc));
                }

                if (client.Unconfirmed.Count == 0)
                {
                    continue;
                }

                var pushed = Updates(client.Unconfirmed);
                // What the server appends is what this client ends up with after receiving what it missed.
                client.Receive(baseVersion, _log[baseVersion..]);
                foreach (var update in client.Unconfirmed)
                {
                    _log.Add(update);
                    _docs.Add(update.Changes.Apply(_docs[^1]));
                }

                pushes.Add(new ModelPush(baseVersion < Version - client.Unconfirmed.Count ? "late" : "fresh", baseVersion, pushed, Version));
            }

            return pushes;
        }

        private static JsonElement Updates(IEnumerable<CollabUpdate> updates) =>
            Parse("[" + string.Join(",", updates.Select(u => $$"""{"clientId":"{{u.ClientId}}","changes":{{u.Changes.ToJson()}}}""")) + "]");
    }

    private sealed record BadPush(string What, string DraftId, string Field, int BaseVersion, JsonElement Updates, string Reason)
    {
        private static readonly string[] _malformed = ["""{"keep":1}""", "\"text\"", """[1,"a"]""", "[[1,2]]", "[1.5]", "[true]", "[[]]", "null", "[-4]"];
        private static readonly string[] _unknownIds = ["0000000000aa", "0000000000bb", "0000000000cc"];
        private static readonly string[] _unknownFields = ["byline", "Body", "", "tags"];

        public static List<BadPush> Generate(Random random, string draftId, int count)
        {
            var pushes = new List<BadPush>(count);
            while (pushes.Count < count)
            {
                var field = random.Next(2) == 0 ? "body" : "standfirst";
                var id = $"b{random.Next(1000)}";
                pushes.Add(random.Next(14) switch
                {
                    0 => new("malformed", draftId, field, 0, One(id, _malformed[random.Next(_malformed.Length)]), "not a change set"),
                    1 => new("wrong length", draftId, field, 0, One(id, $"[{1_000_000 + random.Next(1000)}]"), "has length 0"),
                    2 => new("negative base", draftId, field, -1 - random.Next(100), One(id, "[[0,\"x\"]]"), "out of range"),
                    3 => new("future base", draftId, field, 1_000_000 + random.Next(1000), One(id, "[[0,\"x\"]]"), "out of range"),
                    4 => new("unknown field", draftId, _unknownFields[random.Next(_unknownFields.Length)], 0, One(id, "[[0,\"x\"]]"), "is unknown"),
                    5 => new("unknown draft", _unknownIds[random.Next(_unknownIds.Length)], field, 0, One(id, "[[0,\"x\"]]"), "does not exist"),
                    6 => new("malformed id", "Not-A-Draft", field, 0, One(id, "[[0,\"x\"]]"), "is not a draft id"),
                    7 => new("too many updates", draftId, field, 0, Parse("[" + string.Join(",", Enumerable.Repeat($$"""{"clientId":"{{id}}","changes":[0]}""", 1001 + random.Next(20))) + "]"), "at most 1000 updates"),
                    8 => new("two clients", draftId, field, 0, Parse($$"""[{"clientId":"{{id}}","changes":[[0,"a"]]},{"clientId":"x{{id}}","changes":[1,[0,"b"]]}]"""), "one client's"),
                    9 => new("broken chain", draftId, field, 0, Parse($$"""[{"clientId":"{{id}}","changes":[[0,"a"]]},{"clientId":"{{id}}","changes":[5]}]"""), "leaves length 1"),
                    10 => new("no client id", draftId, field, 0, One("", "[[0,\"x\"]]"), "client id"),
                    11 => new("headline too long", draftId, "headline", 1, One(id, $$"""[4,[0,"{{new string('h', 997 + random.Next(50))}}"]]"""), "at most 1000 characters"),
                    12 => new("no updates", draftId, field, 0, Parse("[]"), "at least one update"),
                    _ => random.Next(40) == 0
                        ? new("huge", draftId, field, 0, One(id, $$"""[[0,"{{new string('z', 270_000)}}"]]"""), "262144 characters")
                        : new("wrong types", draftId, field, 0, Parse(random.Next(2) == 0 ? """[{"clientId":5,"changes":[0]}]""" : """{"clientId":"a"}"""), "clientId"),
                });
            }

            return pushes;
        }

        private static JsonElement One(string clientId, string changes) => Parse($$"""[{"clientId":"{{clientId}}","changes":{{changes}}}]""");
    }
}
