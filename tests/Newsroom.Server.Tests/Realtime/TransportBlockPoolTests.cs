using System.Buffers;
using System.Runtime.InteropServices;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

public sealed class TransportBlockPoolTests
{
    private const int Block = TransportBlockPools.BlockSize;

    [Fact]
    public void AReturnedBlock_IsTheNextOneRented()
    {
        var pools = new TransportBlockPools(keep: 4);
        using var pool = pools.Create();
        var first = pool.Rent();
        var array = ArrayOf(first);
        first.Dispose();

        using var second = pool.Rent();

        Assert.Same(array, ArrayOf(second));
        Assert.Equal(Block, second.Memory.Length);
        Assert.Equal(0, pools.PooledBytes);
    }

    [Fact]
    public void AfterABurst_AtMostKeepBlocksStay_AndTheRestAreLetGo()
    {
        var pools = new TransportBlockPools(keep: 3);
        using var pool = pools.Create();
        var burst = Enumerable.Range(0, 10).Select(_ => pool.Rent()).ToList();
        var arrays = burst.Select(ArrayOf).ToList();

        burst.ForEach(b => b.Dispose());

        Assert.Equal(3 * Block, pools.PooledBytes);
        var again = Enumerable.Range(0, 4).Select(_ => ArrayOf(pool.Rent())).ToList();
        Assert.Same(arrays[0], again[0]);
        Assert.Same(arrays[1], again[1]);
        Assert.Same(arrays[2], again[2]);
        Assert.DoesNotContain(arrays, a => ReferenceEquals(a, again[3]));
    }

    [Fact]
    public void TheLimitIsForTheWholeSilo_NotForEachListenersPool()
    {
        var pools = new TransportBlockPools(keep: 2);
        using var one = pools.Create();
        using var other = pools.Create();
        var blocks = new[] { one.Rent(), one.Rent(), other.Rent(), other.Rent() };

        foreach (var block in blocks)
        {
            block.Dispose();
        }

        Assert.Equal(2 * Block, pools.PooledBytes);
        one.Rent();
        one.Rent();
        Assert.Equal(0, pools.PooledBytes);
        other.Rent().Dispose();
        Assert.Equal(Block, pools.PooledBytes);
    }

    [Fact]
    public void KeepingNone_PoolsNothing()
    {
        var pools = new TransportBlockPools(keep: 0);
        using var pool = pools.Create();
        var block = pool.Rent();
        var array = ArrayOf(block);
        block.Dispose();

        Assert.Equal(0, pools.PooledBytes);
        Assert.NotSame(array, ArrayOf(pool.Rent()));
    }

    [Fact]
    public void ABlockLargerThanFourKilobytes_IsRefused()
    {
        using var pool = new TransportBlockPools(keep: 4).Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(Block + 1));
        Assert.Equal(Block, pool.Rent(100).Memory.Length);
    }

    [Fact]
    public void ADisposedPool_GivesUpWhatItKept_KeepsNothingReturned_AndRentsNothing()
    {
        var pools = new TransportBlockPools(keep: 4);
        var pool = pools.Create();
        var kept = pool.Rent();
        var late = pool.Rent();
        kept.Dispose();
        Assert.Equal(Block, pools.PooledBytes);

        pool.Dispose();
        late.Dispose();

        Assert.Equal(0, pools.PooledBytes);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    private static byte[] ArrayOf(IMemoryOwner<byte> block) =>
        MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");
}
