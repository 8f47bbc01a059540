using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Newsroom.Core.Changes;

/// <summary>
/// Growable section list plus inserted texts: codemirror's <c>addSection</c>/<c>addInsert</c> over
/// arrays that are copied out once at the end. A mutable struct: keep it in a local and pass it by ref.
/// </summary>
internal struct SectionBuilder
{
    private int[] _sections;
    private int _count;

    // Null when building a ChangeDesc, which has no text.
    private string[]? _inserted;
    private int _insertedCount;

    public SectionBuilder(bool withInserts)
    {
        _sections = new int[8];
        _inserted = withInserts ? new string[4] : null;
    }

    public readonly int Count => _count;

    public void AddSection(int len, int ins, bool forceJoin = false)
    {
        // Empty sections are never stored, and neighbours of the same kind merge, so equal
        // changes always end up with equal section lists.
        if (len == 0 && ins <= 0)
        {
            return;
        }

        var last = _count - 2;
        if (last >= 0 && ins <= 0 && ins == _sections[last + 1])
        {
            _sections[last] += len;
        }
        else if (last >= 0 && len == 0 && _sections[last] == 0)
        {
            _sections[last + 1] += ins;
        }
        else if (forceJoin)
        {
            // composeSets only joins after it has written a section of the open change.
            Debug.Assert(last >= 0, "forceJoin needs a previous section");
            _sections[last] += len;
            _sections[last + 1] += ins;
        }
        else
        {
            if (_count == _sections.Length)
            {
                Array.Resize(ref _sections, _count * 2);
            }

            _sections[_count++] = len;
            _sections[_count++] = ins;
        }
    }

    public void AddInsert(string value)
    {
        if (_inserted is null || value.Length == 0)
        {
            return;
        }

        var index = (_count - 2) >> 1;
        if (index < _insertedCount)
        {
            // The last section grew (a join), so its text grows with it.
            _inserted[_insertedCount - 1] = string.Concat(_inserted[_insertedCount - 1], value);
            return;
        }

        while (_insertedCount < index)
        {
            PushInsert(string.Empty);
        }

        PushInsert(value);
    }

    public readonly ImmutableArray<int> ToSections() =>
        _count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(_sections.AsSpan(0, _count).ToArray());

    public readonly string[] ToInserted() =>
        _inserted is null || _insertedCount == 0 ? [] : _inserted.AsSpan(0, _insertedCount).ToArray();

    public readonly ChangeDesc ToDesc() => ChangeDesc.Create(ToSections());

    public readonly ChangeSet ToSet() => ChangeSet.Create(ToSections(), ToInserted());

    public void Clear()
    {
        _count = 0;
        _insertedCount = 0;
    }

    private void PushInsert(string value)
    {
        Debug.Assert(_inserted is not null, "only change set builders hold text");
        if (_insertedCount == _inserted.Length)
        {
            Array.Resize(ref _inserted, _insertedCount * 2);
        }

        _inserted[_insertedCount++] = value;
    }
}
