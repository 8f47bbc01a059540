using Newsroom.Core.Changes;
using Newsroom.Grains.Drafts;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>Updates as an editor sends them: one client's change sets in CodeMirror's JSON form.</summary>
internal static class DraftEdits
{
    /// <summary>Inserts <paramref name="text"/> at <paramref name="at"/> in a document of <paramref name="length"/> characters.</summary>
    public static DraftUpdate Insert(string clientId, int length, int at, string text) =>
        new(clientId, ChangeSet.Of(new ChangeSpec(at, Insert: text), length).ToJson());

    /// <summary>Appends <paramref name="text"/> to a document of <paramref name="length"/> characters.</summary>
    public static DraftUpdate Append(string clientId, int length, string text) => Insert(clientId, length, length, text);

    public static string Text(this DraftView view, DraftField field) => field switch
    {
        DraftField.Headline => view.Fields.Headline.Text,
        DraftField.Standfirst => view.Fields.Standfirst.Text,
        _ => view.Fields.Body.Text,
    };

    public static int Version(this DraftView view, DraftField field) => field switch
    {
        DraftField.Headline => view.Fields.Headline.Version,
        DraftField.Standfirst => view.Fields.Standfirst.Version,
        _ => view.Fields.Body.Version,
    };
}
