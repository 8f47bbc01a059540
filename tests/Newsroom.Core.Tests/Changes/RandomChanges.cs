using System.Text;
using Newsroom.Core.Changes;

namespace Newsroom.Core.Tests.Changes;

/// <summary>
/// Seeded random documents and changes, shaped like codemirror's test-change.ts generators, with
/// line breaks, non-ASCII text and surrogate pairs mixed in (positions may cut a pair in two).
/// </summary>
internal static class RandomChanges
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz     .!?";
    private static readonly string[] _specials = ["\n", "é", "中", "😀", "\r\n"];

    /// <summary>Text of exactly <paramref name="length"/> UTF-16 code units, as a document holds it.</summary>
    public static string Text(Random random, int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var piece = random.Next(8) == 0 ? _specials[random.Next(_specials.Length - 1)] : Letters[random.Next(Letters.Length)].ToString();
            text.Append(text.Length + piece.Length <= length ? piece : "x");
        }

        return text.ToString();
    }

    /// <summary>Text to insert; may contain "\r\n", which a change set stores as "\n".</summary>
    public static string Insert(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) == 0 ? _specials[random.Next(_specials.Length)] : Letters[random.Next(Letters.Length)].ToString());
        }

        return text.ToString();
    }

    public static ChangeSpec Change(Random random, int length)
    {
        if (length == 0 || random.Next(3) == 0)
        {
            return new ChangeSpec(random.Next(length + 1), Insert: Insert(random, random.Next(5) + 1));
        }

        var from = random.Next(length);
        var to = Math.Min(from + random.Next(5) + 1, length);
        return new ChangeSpec(from, to, random.Next(2) == 0 ? Insert(random, random.Next(2) + 1) : null);
    }

    public static IReadOnlyList<ChangeSpec> Specs(Random random, int length, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Change(random, length))];

    public static ChangeSet Set(Random random, int length, int count) => ChangeSet.Of(Specs(random, length, count), length);
}
