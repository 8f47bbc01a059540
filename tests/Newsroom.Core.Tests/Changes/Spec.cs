using Newsroom.Core.Changes;

namespace Newsroom.Core.Tests.Changes;

/// <summary>
/// Codemirror's test notation for change descriptions, the format <see cref="ChangeDesc.ToString"/>
/// writes: space-separated sections, a bare number keeps that many characters, <c>len:ins</c> replaces
/// len characters with ins ("5 0:2" keeps 5, then inserts 2).
/// </summary>
internal static class Spec
{
    public static ChangeDesc Desc(string spec) => ChangeDesc.FromJson($"[{string.Join(",", Sections(spec))}]");

    private static IEnumerable<int> Sections(string spec)
    {
        foreach (var section in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = section.Split(':');
            yield return int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            yield return parts.Length == 1 ? -1 : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
