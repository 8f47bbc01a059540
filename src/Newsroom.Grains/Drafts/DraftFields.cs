using System.Diagnostics.CodeAnalysis;

namespace Newsroom.Grains.Drafts;

/// <summary>The names fields have on the wire ("headline", "standfirst", "body").</summary>
public static class DraftFields
{
    public static IReadOnlyList<DraftField> All { get; } = [DraftField.Headline, DraftField.Standfirst, DraftField.Body];

    public static string Name(DraftField field) => field switch
    {
        DraftField.Headline => "headline",
        DraftField.Standfirst => "standfirst",
        DraftField.Body => "body",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown draft field."),
    };

    /// <exception cref="DraftException">The name is not a field's.</exception>
    public static DraftField Parse(string? name) => TryParse(name, out var field) ? field.Value : throw Unknown(name);

    /// <summary>The one refusal for a field that is not a draft's, whoever finds it.</summary>
    public static DraftException Unknown(string? name) =>
        new($"Field '{CallerText.Shorten(name)}' is unknown; expected headline, standfirst or body.");

    public static bool TryParse(string? name, [NotNullWhen(true)] out DraftField? field)
    {
        field = name switch
        {
            "headline" => DraftField.Headline,
            "standfirst" => DraftField.Standfirst,
            "body" => DraftField.Body,
            _ => null,
        };
        return field is not null;
    }
}
