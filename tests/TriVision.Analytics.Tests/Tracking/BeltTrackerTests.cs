using TriVision.Analytics.Tests.Support;
using TriVision.Analytics.Tracking;
using TriVision.Core.Detections;

namespace TriVision.Analytics.Tests.Tracking;

public class BeltTrackerTests
{
    private static SyntheticBelt SteadyBelt(int objects, int seed = 7)
    {
        var belt = new SyntheticBelt(seed);
        var r = new Random(seed);
        for (int i = 0; i < objects; i++)
            belt.Objects.Add(new SyntheticBelt.Obj(i + 1, r.Next(0, 5), i * 0.4, 130 + r.Next(0, 240), 60, 50, 200));
        return belt;
    }

    [Theory]
    [InlineData(MatchingAlgorithm.Greedy)]
    [InlineData(MatchingAlgorithm.Hungarian)]
    public void Steady_belt_gives_one_track_per_object_and_no_switch(MatchingAlgorithm matching)
    {
        var (f, tracker) = TrackerRun.Run(SteadyBelt(20), 300, new TrackerOptions { Matching = matching });
        Assert.Equal(0, f.IdSwitches);
        Assert.True(f.GroundTruthTracks >= 15, $"only {f.GroundTruthTracks} objects were tracked");
        Assert.Equal(f.GroundTruthTracks, tracker.TracksCreated);
    }

    [Theory]
    [InlineData(MatchingAlgorithm.Greedy)]
    [InlineData(MatchingAlgorithm.Hungarian)]
    public void Random_dropouts_and_an_occlusion_keep_ids(MatchingAlgorithm matching)
    {
        var belt = SteadyBelt(20);
        belt.DropoutRate = 0.25;
        belt.Objects[3].Hidden.Add((2.6, 3.0)); // hidden 400 ms mid-view (behind another object, a hand, glare)
        belt.Objects[5].Hidden.Add((3.4, 4.1));
        var (f, _) = TrackerRun.Run(belt, 300, new TrackerOptions { Matching = matching });
        Assert.Equal(0, f.IdSwitches);
        Assert.True(f.GroundTruthTracks >= 15);
    }

    [Fact]
    public void Without_the_lost_buffer_an_occlusion_does_cost_an_id()
    {
        // Guards the test above: the same occlusion with no lost buffer must lose the object's id.
        var belt = SteadyBelt(10);
        belt.Objects[3].Hidden.Add((2.6, 3.0));
        var (f, tracker) = TrackerRun.Run(belt, 250, new TrackerOptions { LostBufferMs = 0 });
        Assert.True(tracker.TracksCreated > f.GroundTruthTracks, "an occluded object should have got a second track id");
    }

    [Theory]
    [InlineData(MatchingAlgorithm.Greedy)]
    [InlineData(MatchingAlgorithm.Hungarian)]
    public void Objects_passing_each_other_keep_their_ids(MatchingAlgorithm matching)
    {
        var belt = new SyntheticBelt(3);
        // A rolling can overtakes a box in the same lane, boxes overlapping while it passes.
        belt.Objects.Add(new SyntheticBelt.Obj(1, 4, 0.0, 250, 80, 60, 200));
        belt.Objects.Add(new SyntheticBelt.Obj(2, 3, 0.6, 270, 50, 40, 320));
        var (f, _) = TrackerRun.Run(belt, 200, new TrackerOptions { Matching = matching });
        Assert.Equal(2, f.GroundTruthTracks);
        Assert.Equal(0, f.IdSwitches);
    }

    [Fact]
    public void Low_score_detections_extend_a_track_but_do_not_start_one()
    {
        var g = TestBelt.Create();
        var tracker = new BeltTracker(g);
        long t = 0;
        for (int i = 0; i < 5; i++, t += 33_333_333)
            tracker.Update(t, new[] { new Detection(BoxF.FromCenter(200 + i * 6.7f, 250, 60, 50), 0.9f, 1) });
        int id = tracker.Tracks[0].Id;
        for (int i = 5; i < 10; i++, t += 33_333_333)
        {
            tracker.Update(t, new[] { new Detection(BoxF.FromCenter(200 + i * 6.7f, 250, 60, 50), 0.3f, 1) });
            Assert.True(tracker.Tracks[0].MatchedThisFrame, $"frame {i}: the weak detection should extend the track");
            Assert.Equal(id, tracker.Tracks[0].Id);
        }
        // A weak detection far from any track starts nothing.
        tracker.Update(t, new[] { new Detection(BoxF.FromCenter(900, 150, 60, 50), 0.3f, 1) });
        Assert.Equal(1, tracker.Tracks.Length);
    }

    [Fact]
    public void A_second_box_of_another_class_on_a_tracked_object_votes_instead_of_starting_a_track()
    {
        var tracker = new BeltTracker(TestBelt.Create());
        long t = 0;
        for (int i = 0; i < 10; i++, t += 33_333_333)
        {
            float x = 200 + i * 6.7f;
            // waste (4) at 0.8 on every frame; from frame 3 on an aerosol_can (3) box at 0.7 nearly on top of it (IoU ~0.8),
            // listed first as a decoder may order them.
            var waste = new Detection(BoxF.FromCenter(x, 250, 60, 50), 0.8f, 4);
            var aerosol = new Detection(BoxF.FromCenter(x + 3, 252, 58, 48), 0.7f, 3);
            tracker.Update(t, i < 3 ? [waste] : [aerosol, waste]);
        }
        Assert.Equal(1, tracker.Tracks.Length);
        Assert.Equal(1, tracker.TracksCreated);
        Assert.Equal(7, tracker.DuplicateCount);
        var track = tracker.Tracks[0];
        // Votes: the first stage took the aerosol box (best IoU with the prediction) or the waste box each frame; either
        // way both classes voted every frame from frame 3, so the track is no longer sure of its class.
        Assert.Equal(0.8f * 10 + 0.7f * 7, track.VoteFor(4) + track.VoteFor(3), 3);
        Assert.True(track.ClassConfidence < 0.7f, $"class confidence {track.ClassConfidence}");

        // Two objects side by side that barely touch are two objects.
        var other = new BeltTracker(TestBelt.Create());
        t = 0;
        for (int i = 0; i < 5; i++, t += 33_333_333)
        {
            float x = 200 + i * 6.7f;
            other.Update(t, [new Detection(BoxF.FromCenter(x, 250, 60, 50), 0.8f, 4), new Detection(BoxF.FromCenter(x + 50, 250, 60, 50), 0.8f, 3)]);
        }
        Assert.Equal(2, other.Tracks.Length);
        Assert.Equal(0, other.DuplicateCount);
    }

    [Fact]
    public void A_can_under_a_sheet_of_film_is_a_second_object_not_a_second_box()
    {
        // Clear film (waste, 80 x 60 px) lying over an aerosol can (60 x 44 px) inside it: IoU 0.55. Boxes this far
        // apart in size are two objects; the can must get a track of its own (and so its alarm), not vote into the film's.
        var tracker = new BeltTracker(TestBelt.Create());
        long t = 0;
        for (int i = 0; i < 8; i++, t += 33_333_333)
        {
            float x = 200 + i * 6.7f;
            var film = new Detection(BoxF.FromCenter(x, 250, 80, 60), 0.9f, 4);
            var can = new Detection(BoxF.FromCenter(x + 4, 252, 60, 44), 0.9f, 3);
            Assert.InRange(film.Box.IoU(can.Box), 0.5f, 0.6f);
            tracker.Update(t, [film, can]);
        }
        Assert.Equal(2, tracker.Tracks.Length);
        Assert.Equal(0, tracker.DuplicateCount);
        Assert.Contains(tracker.Tracks.ToArray(), tr => tr.ClassId == 3 && tr.ClassConfidence > 0.99f);
    }

    [Fact]
    public void Class_is_the_score_weighted_vote()
    {
        var tracker = new BeltTracker(TestBelt.Create());
        long t = 0;
        // battery (1) four times at 0.6, power_bank (2) three times at 0.9: 2.4 vs 2.7, power_bank wins.
        int[] classes = { 1, 2, 1, 2, 1, 2, 1 };
        for (int i = 0; i < classes.Length; i++, t += 33_333_333)
        {
            float s = classes[i] == 1 ? 0.6f : 0.9f;
            tracker.Update(t, new[] { new Detection(BoxF.FromCenter(200 + i * 6.7f, 250, 60, 50), s, classes[i]) });
        }
        var track = tracker.Tracks[0];
        Assert.Equal(2, track.ClassId);
        Assert.Equal(2.7f / 5.1f, track.ClassConfidence, 3);
        Assert.Equal(1, track.LastDetectionClassId);
    }

    [Fact]
    public void Line_crossings_are_counted_once_per_object_and_class()
    {
        var belt = new SyntheticBelt(1);
        for (int i = 0; i < 6; i++) belt.Objects.Add(new SyntheticBelt.Obj(i + 1, i % 2 == 0 ? 0 : 4, i * 0.5, 200 + (i % 3) * 60, 50, 40, 300));
        var (_, tracker) = TrackerRun.Run(belt, 300); // 10 s: every object has crossed
        Assert.Equal(3, tracker.Flow.Total(0));
        Assert.Equal(3, tracker.Flow.Total(4));
        Assert.Equal(6, tracker.Flow.TotalAll());
        Assert.Equal(6 * 60f / 10f, tracker.Flow.PerMinute(SyntheticBelt.Ns(299 / 30.0) + 33_333_333), 0);
    }

    [Fact]
    public void A_track_born_past_the_line_does_not_count()
    {
        var tracker = new BeltTracker(TestBelt.Create()); // line in the middle: 640 px
        long t = 0;
        for (int i = 0; i < 10; i++, t += 33_333_333)
            tracker.Update(t, new[] { new Detection(BoxF.FromCenter(800 + i * 6.7f, 250, 60, 50), 0.9f, 1) });
        Assert.Equal(0, tracker.Flow.TotalAll());
    }

    [Fact]
    public void A_lost_track_is_dropped_after_the_buffer_and_the_object_gets_a_new_id()
    {
        var tracker = new BeltTracker(TestBelt.Create(), new TrackerOptions { LostBufferMs = 500 });
        long t = 0;
        var det = new Detection(BoxF.FromCenter(200, 250, 60, 50), 0.9f, 1);
        tracker.Update(t, new[] { det });
        tracker.Update(t += 33_333_333, new[] { det });
        int id = tracker.Tracks[0].Id;
        tracker.Update(t += 400_000_000, ReadOnlySpan<Detection>.Empty);
        Assert.Equal(TrackState.Lost, tracker.Tracks[0].State);
        tracker.Update(t += 200_000_000, ReadOnlySpan<Detection>.Empty);
        Assert.Equal(0, tracker.Tracks.Length);
        tracker.Update(t += 33_333_333, new[] { det });
        Assert.NotEqual(id, tracker.Tracks[0].Id);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(2f)]
    public void Belt_speed_samples_measure_the_motion(float jitter)
    {
        var belt = SteadyBelt(5);
        belt.Jitter = jitter;
        var tracker = new BeltTracker(TestBelt.Create());
        var samples = new List<float>();
        for (int i = 0; i < 120; i++)
        {
            var (dets, gt) = belt.Frame(i);
            tracker.Update(SyntheticBelt.Ns(gt.TimeSeconds), dets);
            foreach (var s in tracker.SpeedSamples) samples.Add(s);
        }
        samples.Sort();
        Assert.NotEmpty(samples);
        Assert.True(samples.Count > 20, $"{samples.Count} samples");
        Assert.Equal(0.5f, samples[samples.Count / 2], 0.02f); // 200 px/s at 400 px/m
        Assert.True(samples[samples.Count / 4] > 0.45f && samples[samples.Count * 3 / 4] < 0.55f, "samples scatter more than 10 %");
    }

    [Theory]
    [InlineData(MatchingAlgorithm.Greedy)]
    [InlineData(MatchingAlgorithm.Hungarian)]
    public void Steady_state_update_allocates_nothing(MatchingAlgorithm matching)
    {
        var belt = SteadyBelt(60);
        belt.DropoutRate = 0.1;
        var frames = new Detection[400][];
        for (int i = 0; i < frames.Length; i++) frames[i] = belt.Frame(i).Detections;
        var tracker = new BeltTracker(TestBelt.Create(), new TrackerOptions { Matching = matching });
        for (int i = 0; i < 200; i++) tracker.Update(SyntheticBelt.Ns(i / 30.0), frames[i]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 200; i < 400; i++) tracker.Update(SyntheticBelt.Ns(i / 30.0), frames[i]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Invalid_options_name_the_key()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BeltTracker(TestBelt.Create(), new TrackerOptions { LowScoreThreshold = 0.9f }));
        Assert.Contains("LowScoreThreshold", ex.Message);
    }
}
