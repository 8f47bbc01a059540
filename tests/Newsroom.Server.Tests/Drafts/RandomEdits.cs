using Newsroom.Core.Changes;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>Random typing: inserts, deletes and replacements anywhere, with non-ASCII text and surrogate pairs.</summary>
internal static class RandomEdits
{
    // "\r" is left out on purpose: documents use "\n" only, and ChangeSet.Of would turn "\r" into "\n".
    private static readonly string[] _pieces =
    [
        "a", "b", "c", "x", "y", "z", " ", " ", "\n", "é", "ß", "Ω", "中", "文", "😀", "👍🏽", "🇬🇧", "\u0301", "—",
    ];

    public static IEnumerable<ChangeSpec> Next(Random random, string doc)
    {
        var roll = random.NextDouble();
        if (roll < 0.1 && doc.Length > 4)
        {
            // Two changes in one transaction, as a multi-cursor edit makes.
            var first = random.Next(doc.Length / 2);
            var second = random.Next(doc.Length / 2, doc.Length + 1);
            return [new ChangeSpec(first, Insert: Text(random)), new ChangeSpec(second, Math.Min(doc.Length, second + random.Next(3)))];
        }

        var from = random.Next(doc.Length + 1);
        if (roll < 0.6 || doc.Length == 0)
        {
            return [new ChangeSpec(from, Insert: Text(random))];
        }

        var to = Math.Min(doc.Length, from + random.Next(1, 9));
        return roll < 0.9 ? [new ChangeSpec(from, to)] : [new ChangeSpec(from, to, Text(random))];
    }

    public static string Text(Random random)
    {
        var count = random.Next(1, 7);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(_pieces[random.Next(_pieces.Length)]);
        }

        return text.ToString();
    }
}
