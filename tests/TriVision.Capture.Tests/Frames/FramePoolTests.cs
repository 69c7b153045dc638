using TriVision.Core.Frames;

namespace TriVision.Capture.Tests.Frames;

public sealed class FramePoolTests
{
    private static readonly FrameFormat Format = new(64, 48, PixelFormat.Bgr8);

    internal static void AssertClean(FramePool pool)
    {
        Assert.Equal(0, pool.InUse);
        Assert.Equal(pool.RentedTotal, pool.ReturnedTotal);
        Assert.Equal(0, pool.DoubleReleaseCount);
    }

    [Fact]
    public void Buffers_are_aligned_sized_and_distinct()
    {
        using var pool = new FramePool(Format, 4, "cam");
        var frames = new List<Frame>();
        while (pool.TryRent(out var f)) frames.Add(f);
        Assert.Equal(4, frames.Count);
        Assert.Equal(4, frames.Select(f => f.Pointer).Distinct().Count());
        foreach (var f in frames)
        {
            Assert.Equal(0, f.Pointer % FramePool.Alignment);
            Assert.Equal(Format.BufferSize, f.Span.Length);
            f.Span.Fill(0xAB); // the whole span is writable
        }
        foreach (var f in frames) f.Release();
        AssertClean(pool);
    }

    [Fact]
    public void Exhausted_pool_fails_without_allocating_and_counts()
    {
        using var pool = new FramePool(Format, 2, "cam");
        Assert.True(pool.TryRent(out var a));
        Assert.True(pool.TryRent(out var b));
        Assert.False(pool.TryRent(out var c));
        Assert.Null(c);
        Assert.Null(pool.Rent());
        Assert.Equal(2, pool.ExhaustedCount);
        a.Release();
        Assert.True(pool.TryRent(out var d));
        Assert.Same(a, d); // the same buffer object comes back: nothing new was allocated
        b.Release();
        d.Release();
        AssertClean(pool);
    }

    [Fact]
    public void Frame_returns_only_when_the_last_holder_releases()
    {
        using var pool = new FramePool(Format, 1, "cam");
        Assert.True(pool.TryRent(out var f));
        f.AddRef();
        f.AddRef();
        Assert.Equal(3, f.RefCount);
        f.Release();
        f.Release();
        Assert.Equal(1, pool.InUse);
        f.Release();
        AssertClean(pool);
    }

    [Fact]
    public void Double_release_is_counted_and_throws_in_debug()
    {
        using var pool = new FramePool(Format, 1, "cam");
        Assert.True(pool.TryRent(out var f));
        f.Release();
#if DEBUG
        Assert.Throws<InvalidOperationException>(() => f.Release());
#else
        f.Release();
#endif
        Assert.Equal(1, pool.DoubleReleaseCount);
        Assert.Equal(0, pool.InUse);
        Assert.Throws<InvalidOperationException>(() => f.AddRef());
    }

    [Fact]
    public void Lease_releases_on_dispose()
    {
        using var pool = new FramePool(Format, 1, "cam");
        Assert.True(pool.TryRent(out var f));
        using (f.Lease())
        {
            Assert.Equal(1, pool.InUse);
        }
        AssertClean(pool);
    }

    [Fact]
    public void Disposed_pool_stops_renting_and_frees_after_the_last_return()
    {
        var pool = new FramePool(Format, 2, "cam");
        Assert.True(pool.TryRent(out var f));
        pool.Dispose();
        Assert.False(pool.TryRent(out _));
        f.Span.Fill(1); // still valid: memory lives until the frame is back
        f.Release();
        AssertClean(pool);
    }

    [Fact]
    public void Concurrent_rent_and_release_balance()
    {
        using var pool = new FramePool(Format, 8, "cam");
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                if (!pool.TryRent(out var f)) continue;
                f.AddRef();
                f.Release();
                f.Release();
            }
        });
        AssertClean(pool);
    }
}
