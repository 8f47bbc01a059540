using System.Collections.Immutable;

namespace Newsroom.Core.Changes;

/// <summary>
/// Walks a change's sections while letting callers consume part of a section at a time: codemirror's
/// <c>SectionIter</c>. A mutable struct: keep it in a local.
/// </summary>
internal struct SectionIterator
{
    private const int DoneMarker = -2;

    private readonly ImmutableArray<int> _sections;
    private readonly string[] _inserted;

    public SectionIterator(ChangeDesc set)
    {
        _sections = set.Sections;
        _inserted = set is ChangeSet changeSet ? changeSet.Inserted : [];
        Next();
    }

    /// <summary>Index just past the current section pair; identifies the section.</summary>
    public int I { get; private set; }

    /// <summary>What is left of the current section's length in the old document.</summary>
    public int Len { get; private set; }

    /// <summary>-1 for a kept section, the remaining inserted length otherwise, -2 when done.</summary>
    public int Ins { get; private set; }

    /// <summary>How far into the current section the iterator has moved.</summary>
    public int Off { get; private set; }

    public readonly bool Done => Ins == DoneMarker;

    public readonly int Len2 => Ins < 0 ? Len : Ins;

    public readonly string Text
    {
        get
        {
            var index = (I - 2) >> 1;
            return index >= _inserted.Length ? string.Empty : _inserted[index];
        }
    }

    public void Next()
    {
        if (I < _sections.Length)
        {
            Len = _sections[I++];
            Ins = _sections[I++];
        }
        else
        {
            Len = 0;
            Ins = DoneMarker;
        }

        Off = 0;
    }

    public readonly string TextBit(int len)
    {
        var index = (I - 2) >> 1;
        if (index >= _inserted.Length)
        {
            return len == 0
                ? string.Empty
                : throw new InvalidOperationException($"Change set has no inserted text for section {index}.");
        }

        return _inserted[index].Substring(Off, len);
    }

    public void Forward(int len)
    {
        if (len == Len)
        {
            Next();
        }
        else
        {
            Len -= len;
            Off += len;
        }
    }

    public void Forward2(int len)
    {
        if (Ins == -1)
        {
            Forward(len);
        }
        else if (len == Ins)
        {
            Next();
        }
        else
        {
            Ins -= len;
            Off += len;
        }
    }
}
