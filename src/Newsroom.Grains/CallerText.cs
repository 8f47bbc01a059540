namespace Newsroom.Grains;

/// <summary>What a caller sent, quoted back in a refusal: shortened, so a megabyte of junk is not echoed whole.</summary>
internal static class CallerText
{
    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
