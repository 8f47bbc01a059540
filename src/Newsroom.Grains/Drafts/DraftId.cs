using System.Security.Cryptography;

namespace Newsroom.Grains.Drafts;

/// <summary>A draft's id: 12 lowercase hexadecimal digits (48 random bits), checked here for hubs, endpoints and pages alike.</summary>
public static class DraftId
{
    public const int Length = 12;

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && !id.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <exception cref="DraftException">The text is not a draft id.</exception>
    public static string Require(string? id) =>
        IsWellFormed(id) ? id! : throw new DraftException($"'{CallerText.Shorten(id)}' is not a draft id (12 lowercase hexadecimal digits).");

    /// <summary>A new random id; a collision is unlikely, and creating a draft refuses a taken id.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));
}
