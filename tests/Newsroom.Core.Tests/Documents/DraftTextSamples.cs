using System.IO.Compression;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Core.Tests.Documents;

/// <summary>Edits and texts for the draft text's tests: random ones shaped like typing, and the automerge-paper trace.</summary>
internal static class DraftTextSamples
{
    public static string Splice(string text, int from, int to, string insert) =>
        string.Concat(text.AsSpan(0, from), insert, text.AsSpan(to));

    // Mostly typing and backspacing near a moving cursor, as a person edits, with jumps, pastes and
    // large deletions mixed in so the gap crosses long stretches and the buffer both grows and shrinks.
    public static (int From, int To, string Insert) RandomEdit(Random random, int length, ref int cursor)
    {
        var roll = random.Next(100);
        if (roll < 10 || cursor > length)
        {
            cursor = random.Next(length + 1);
        }

        int from, to;
        string insert;
        if (roll < 55)
        {
            from = to = cursor;
            insert = RandomString(random, 1);
        }
        else if (roll < 75)
        {
            from = Math.Max(0, cursor - 1);
            to = cursor;
            insert = "";
        }
        else if (roll < 88)
        {
            from = random.Next(length + 1);
            to = Math.Min(length, from + random.Next(8));
            insert = RandomString(random, random.Next(5));
        }
        else if (roll < 96)
        {
            from = to = random.Next(length + 1);
            insert = RandomString(random, random.Next(20, 400));
        }
        else
        {
            from = random.Next(length + 1);
            to = random.Next(from, length + 1);
            insert = "";
        }

        cursor = from + insert.Length;
        return (from, to, insert);
    }

    public static string RandomString(Random random, int length)
    {
        // Includes a surrogate pair's halves and a newline: positions are code units, never characters.
        const string Alphabet = "abcdefghij klmnop\n\uD83D\uDE00é";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    public static (string StartContent, List<(int Position, int DeleteCount, string Insert)> Edits) LoadAutomergeTrace(int maxEdits)
    {
        using var file = File.OpenRead(Path.Combine(RepoPaths.Shared, "traces", "automerge-paper.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);

        var edits = new List<(int, int, string)>(maxEdits);
        foreach (var txn in json.RootElement.GetProperty("txns").EnumerateArray())
        {
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                if (edits.Count == maxEdits)
                {
                    break;
                }

                edits.Add((patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString()!));
            }
        }

        return (json.RootElement.GetProperty("startContent").GetString()!, edits);
    }
}
