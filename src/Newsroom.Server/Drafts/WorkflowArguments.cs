using System.Text.Json;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;

namespace Newsroom.Server.Drafts;

/// <summary>
/// Workflow steps and article change kinds as browsers name them: the kebab-case the hub's JSON writes enums in
/// ("send-back", "in-review"), so what the server sends is what it takes back.
/// </summary>
public static class WorkflowArguments
{
    /// <exception cref="DraftException">Not a step's name; the message lists them.</exception>
    public static WorkflowStep Step(string? name) =>
        Parse<WorkflowStep>(name) ?? throw new DraftException(
            $"'{Shorten(name)}' is not a workflow step; expected one of {string.Join(", ", Enum.GetValues<WorkflowStep>().Select(Name))}.");

    /// <exception cref="DraftException">Neither "update" nor "correction".</exception>
    public static ArticleChangeKind Kind(string? name) =>
        name is null or "" ? ArticleChangeKind.Update
        : Parse<ArticleChangeKind>(name) is { } kind && kind != ArticleChangeKind.First ? kind
        : throw new DraftException($"'{Shorten(name)}' is not a kind of change to a published story; expected update or correction.");

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static T? Parse<T>(string? name)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Name(v) == name).Select(v => (T?)v).FirstOrDefault();

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
