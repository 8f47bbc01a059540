namespace Newsroom.Core.Changes;

/// <summary>
/// Thrown by <see cref="ChangeSet.FromJson(string)"/> and <see cref="ChangeDesc.FromJson(string)"/> when
/// the input is not valid JSON or not a change set/description in codemirror's <c>toJSON</c> format.
/// The message names the offending element and its value.
/// </summary>
public sealed class ChangeSetFormatException : FormatException
{
    public ChangeSetFormatException(string message)
        : base(message)
    {
    }

    public ChangeSetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
