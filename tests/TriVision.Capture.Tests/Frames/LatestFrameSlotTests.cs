using TriVision.Core.Frames;
using TriVision.Core.Time;

namespace TriVision.Capture.Tests.Frames;

public sealed class LatestFrameSlotTests
{
    private static readonly FrameFormat Format = new(8, 8, PixelFormat.Mono8);

    private static Frame Rent(FramePool pool, long sequence)
    {
        Assert.True(pool.TryRent(out var f));
        f.Sequence = sequence;
        f.CaptureTimestampNs = MonotonicClock.NowNs;
        return f;
    }

    [Fact]
    public void Full_slot_drops_the_oldest_and_releases_it()
    {
        using var pool = new FramePool(Format, 8, "cam");
        var slot = new LatestFrameSlot("cam", capacity: 2);
        for (int i = 0; i < 5; i++) slot.OnFrame(Rent(pool, i));
        Assert.Equal(3, slot.DroppedCount);
        Assert.Equal(2, pool.InUse);
        Assert.True(slot.TryDequeue(out var a));
        Assert.True(slot.TryDequeue(out var b));
        Assert.False(slot.TryDequeue(out _));
        Assert.Equal(3, a.Sequence);
        Assert.Equal(4, b.Sequence);
        Assert.True(slot.LastLagNs >= 0);
        a.Release();
        b.Release();
        FramePoolTests.AssertClean(pool);
    }

    [Fact]
    public async Task Waiting_consumer_gets_the_next_frame()
    {
        using var pool = new FramePool(Format, 4, "cam");
        var slot = new LatestFrameSlot("cam", 1);
        var pending = slot.DequeueAsync();
        Assert.False(pending.IsCompleted);
        slot.OnFrame(Rent(pool, 7));
        var frame = await pending;
        Assert.NotNull(frame);
        Assert.Equal(7, frame!.Sequence);
        frame.Release();
        // the waiter is reusable
        for (int i = 0; i < 3; i++)
        {
            var next = slot.DequeueAsync();
            slot.OnFrame(Rent(pool, i));
            (await next)!.Release();
        }
        FramePoolTests.AssertClean(pool);
    }

    [Fact]
    public async Task Complete_releases_waiting_frames_and_wakes_the_consumer()
    {
        using var pool = new FramePool(Format, 4, "cam");
        var slot = new LatestFrameSlot("cam", 2);
        slot.OnFrame(Rent(pool, 0));
        slot.Complete();
        Assert.Equal(0, pool.InUse);
        slot.OnFrame(Rent(pool, 1)); // after completion frames are released at once
        Assert.Null(await slot.DequeueAsync());
        FramePoolTests.AssertClean(pool);

        var slot2 = new LatestFrameSlot("cam", 2);
        var pending = slot2.DequeueAsync();
        slot2.Complete();
        Assert.Null(await pending);
    }

    [Fact]
    public async Task Cancelled_wait_throws_and_the_slot_stays_usable()
    {
        using var pool = new FramePool(Format, 2, "cam");
        var slot = new LatestFrameSlot("cam", 1);
        using var cts = new CancellationTokenSource();
        var pending = slot.DequeueAsync(cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        slot.OnFrame(Rent(pool, 1));
        (await slot.DequeueAsync())!.Release();
        FramePoolTests.AssertClean(pool);
    }
}
