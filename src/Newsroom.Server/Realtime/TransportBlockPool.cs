using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Kestrel's socket buffers: 4 KB blocks, as Kestrel's own pool makes them, but with at most
/// <c>Newsroom:Transport:PooledBlocks</c> free ones kept for the whole silo. Every event sent to a connection takes a
/// block until the socket has it, so a presence message to 2,000 connections takes 2,000 at once. Kestrel's pool
/// keeps all of them and gives back 1–5% every 10 s: after 2,000 connections joined one draft it held 24 MB nobody
/// used (12 KB per connection) for minutes. Blocks past the limit go to the collector instead.
/// </summary>
public sealed class TransportBlockPools(int keep) : IMemoryPoolFactory<byte>
{
    public const int BlockSize = 4096;

    private int _free;

    /// <summary>Kestrel asks for one pool per listener; they share the one limit.</summary>
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new TransportBlockPool(this);

    /// <summary>Bytes in free blocks kept for reuse, for <c>/api/diagnostics/memory</c>.</summary>
    public long PooledBytes => (long)Volatile.Read(ref _free) * BlockSize;

    // Raised before a block is queued and lowered after one is taken, so it never lets more than `keep` in.
    internal bool TryKeepOne()
    {
        if (Interlocked.Increment(ref _free) <= keep)
        {
            return true;
        }

        Interlocked.Decrement(ref _free);
        return false;
    }

    internal void TookOne() => Interlocked.Decrement(ref _free);
}

/// <summary>One listener's blocks; see <see cref="TransportBlockPools"/>.</summary>
public sealed class TransportBlockPool(TransportBlockPools pools) : MemoryPool<byte>
{
    private readonly ConcurrentQueue<Block> _free = new();
    private bool _disposed;

    public override int MaxBufferSize => TransportBlockPools.BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, TransportBlockPools.BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_free.TryDequeue(out var block))
        {
            pools.TookOne();
            return block;
        }

        return new Block(this);
    }

    private void Return(Block block)
    {
        if (!_disposed && pools.TryKeepOne())
        {
            _free.Enqueue(block);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        while (_free.TryDequeue(out _))
        {
            pools.TookOne();
        }
    }

    private sealed class Block(TransportBlockPool pool) : IMemoryOwner<byte>
    {
        // Not pinned, unlike Kestrel's: on Linux a socket call holds a buffer only for the call itself, and the pinned
        // heap is never compacted, so blocks let go there leave holes the process keeps resident.
        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(TransportBlockPools.BlockSize);

        public void Dispose() => pool.Return(this);
    }
}
