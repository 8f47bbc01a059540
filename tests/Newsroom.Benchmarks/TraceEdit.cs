namespace Newsroom.Benchmarks;

/// <summary>One patch of an editing trace: delete <see cref="DeleteCount"/> characters at <see cref="Position"/>, then insert.</summary>
internal readonly record struct TraceEdit(int Position, int DeleteCount, string Insert);
