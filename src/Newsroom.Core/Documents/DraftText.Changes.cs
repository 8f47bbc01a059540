using Newsroom.Core.Changes;

namespace Newsroom.Core.Documents;

public sealed partial class DraftText
{
    // Bound on first use and kept, so applying a change set, once per keystroke, allocates no delegate.
    private ChangeCallback? _applyChange;

    /// <summary>
    /// Applies <paramref name="changes"/> to this text, as <see cref="ChangeSet.Apply(string)"/> would to a string.
    /// The change set must start from a document of exactly this text's length.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="changes"/> was made for a document of another length; the text is left unchanged.
    /// </exception>
    public void Apply(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Length != Length)
        {
            throw new ArgumentException(
                $"A change set for a document of length {changes.Length} cannot apply to a text of length {Length}.",
                nameof(changes));
        }

        changes.IterChanges(_applyChange ??= ApplyChange);
    }

    // Changes arrive in document order and fromB counts the new text before them, which is exactly where
    // each one starts in this text once the earlier ones are applied. The range check cannot fail for a
    // well-formed change set; it is kept so a faulty one fails loudly instead of corrupting the draft.
    private void ApplyChange(int fromA, int toA, int fromB, int toB, string inserted)
    {
        var to = fromB + (toA - fromA);
        CheckRange(fromB, to);
        ReplaceCore(fromB, to, inserted);
    }
}
