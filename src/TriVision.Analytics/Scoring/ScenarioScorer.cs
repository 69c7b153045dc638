using TriVision.Analytics.Jams;

namespace TriVision.Analytics.Scoring;

/// <summary>
/// Computes the figures of <c>trivision scenarios</c> from ground truth and the pipeline's outputs.
/// Definitions (also in docs/analytics.md):
/// <list type="bullet">
/// <item>An alarm belongs to the ground-truth object its box overlaps most (IoU ≥ <see cref="ScoringOptions.AlarmMatchIoU"/>, or the
/// smaller box covered ≥ <see cref="ScoringOptions.AlarmMatchOverlap"/>, highest IoU first) in the ground-truth frame nearest in time. The first alarm of a hazard object is a hit; any other alarm
/// (on waste, on nothing, or a second one on the same object) is a false alarm.</item>
/// <item>hazard_recall: hits / hazard objects visible (fraction ≥ <see cref="ScoringOptions.MinVisibleFraction"/>) at least
/// <see cref="ScoringOptions.MinVisibleSeconds"/>. Alarms on objects visible less count as hits but not in the denominator.</item>
/// <item>alarm_latency: alarm time − first frame the object was visible at all.</item>
/// <item>eta_error: |alarm time + ETA − true arrival| / (true arrival − alarm time), in percent.</item>
/// <item>Jam warning episodes run from leaving Normal to coming back. An episode predicts a labelled onset when it starts
/// within [onset − lookback, onset + tolerance] or is still running at onset; every such episode belongs to that jam (a
/// warning that cleared just before the jam and the jammed state that follows are one event); lead = onset − start of the
/// earliest (capped at the lookback). Labels with no episode are missed jams; episodes with no label are false warnings.</item>
/// <item>id switches (MOT): per frame, ground-truth objects (visible ≥ the fraction) and tracks are matched greedily by IoU ≥
/// <see cref="ScoringOptions.TrackMatchIoU"/>; an object matched to a different track id than at its previous match is a switch.
/// Per 100 ground-truth objects that were matched at least once.</item>
/// </list>
/// </summary>
public sealed class ScenarioScorer
{
    private readonly ScoringOptions _o;

    public ScenarioScorer(ScoringOptions? options = null) => _o = options ?? new ScoringOptions();

    public ScenarioScore Score(ScenarioGroundTruth truth, ScenarioOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(outputs);
        double hours = truth.DurationSeconds / 3600.0;
        if (!(hours > 0)) throw new ArgumentException($"Scenario '{truth.Name}' has duration {truth.DurationSeconds} s: must be > 0.");

        var frames = truth.Frames;
        // Per object: first time visible at all, visible time above the fraction, class, arrival.
        var firstSeen = new Dictionary<int, double>();
        var visibleTime = new Dictionary<int, double>();
        var classOf = new Dictionary<int, int>();
        var kindOf = new Dictionary<int, string?>();
        var arrival = new Dictionary<int, double>();
        for (int f = 0; f < frames.Count; f++)
        {
            double dt = f + 1 < frames.Count ? frames[f + 1].TimeSeconds - frames[f].TimeSeconds
                      : f > 0 ? frames[f].TimeSeconds - frames[f - 1].TimeSeconds : 0;
            foreach (var o in frames[f].Objects)
            {
                classOf[o.ObjectId] = o.ClassId;
                kindOf[o.ObjectId] = o.Kind;
                arrival[o.ObjectId] = o.StopPointArrivalSeconds;
                if (o.VisibleFraction <= 0) continue;
                firstSeen.TryAdd(o.ObjectId, frames[f].TimeSeconds);
                if (o.VisibleFraction >= _o.MinVisibleFraction)
                    visibleTime[o.ObjectId] = visibleTime.GetValueOrDefault(o.ObjectId) + dt;
            }
        }
        var eligible = new HashSet<int>();
        foreach (var (id, cls) in classOf)
            if (_o.HazardClassIds.Contains(cls) && visibleTime.GetValueOrDefault(id) >= _o.MinVisibleSeconds - 1e-9)
                eligible.Add(id);

        // Alarms.
        var alarmed = new HashSet<int>();
        var latencies = new List<double>();
        var etaErrors = new List<double>();
        int falseAlarms = 0, duplicates = 0, wrongClass = 0;
        var falseList = new List<FalseHazardAlarm>();
        foreach (var a in outputs.Alarms)
        {
            int obj = MatchAlarm(frames, a);
            if (obj < 0 || !_o.HazardClassIds.Contains(classOf[obj]))
            {
                falseAlarms++;
                falseList.Add(new FalseHazardAlarm(a.TimeSeconds, a.TrackId, a.ClassId, obj < 0 ? "no_object" : "not_a_hazard", obj < 0 ? null : classOf[obj], a.Confidence, obj < 0 ? null : kindOf[obj]));
                continue;
            }
            if (!alarmed.Add(obj))
            {
                falseAlarms++;
                duplicates++;
                falseList.Add(new FalseHazardAlarm(a.TimeSeconds, a.TrackId, a.ClassId, "duplicate", classOf[obj], a.Confidence, kindOf[obj]));
                continue;
            }
            if (a.ClassId != classOf[obj]) wrongClass++;
            if (firstSeen.TryGetValue(obj, out var seen)) latencies.Add((a.TimeSeconds - seen) * 1000.0);
            double truthArrival = arrival[obj];
            if (double.IsFinite(a.EtaStopSeconds) && double.IsFinite(truthArrival) && truthArrival > a.TimeSeconds)
                etaErrors.Add(Math.Abs(a.TimeSeconds + a.EtaStopSeconds - truthArrival) / (truthArrival - a.TimeSeconds) * 100.0);
        }
        var (leads, missed, falseJams, episodes) = ScoreJams(truth, outputs.JamStates);
        var trackedAs = new Dictionary<int, Dictionary<int, int>>();
        var (switches, gtTracks) = CountIdSwitches(frames, outputs.Tracks, trackedAs);

        int hits = 0;
        var missedList = new List<MissedHazard>();
        double frameS = frames.Count > 1 ? (frames[^1].TimeSeconds - frames[0].TimeSeconds) / (frames.Count - 1) : 0;
        foreach (var id in eligible)
        {
            if (alarmed.Contains(id))
            {
                hits++;
                continue;
            }
            int trackedFrames = 0, bestCount = 0;
            int? trackClass = null;
            if (trackedAs.TryGetValue(id, out var counts))
                foreach (var (cls, n) in counts)
                {
                    trackedFrames += n;
                    if (n > bestCount || (n == bestCount && cls < trackClass)) { bestCount = n; trackClass = cls; }
                }
            missedList.Add(new MissedHazard(id, classOf[id], firstSeen.GetValueOrDefault(id), visibleTime.GetValueOrDefault(id), trackedFrames * frameS, trackClass, kindOf[id]));
        }
        missedList.Sort(static (a, b) => a.FirstSeenSeconds.CompareTo(b.FirstSeenSeconds));

        var figures = new ScenarioFigures
        {
            Name = truth.Name,
            DurationSeconds = truth.DurationSeconds,
            HazardRecall = eligible.Count > 0 ? (double)hits / eligible.Count : null,
            FalseHazardAlarmsPerHour = falseAlarms / hours,
            AlarmLatencyMedianMs = Median(latencies),
            EtaErrorMedianPct = Median(etaErrors),
            JamLeadTimeMedianS = Median(leads),
            MissedJams = missed,
            FalseJamWarningsPerHour = falseJams / hours,
            IdSwitchesPer100Tracks = gtTracks > 0 ? switches * 100.0 / gtTracks : null,
            HazardObjects = eligible.Count,
            HazardObjectsAlarmed = hits,
            FalseHazardAlarms = falseAlarms,
            DuplicateHazardAlarms = duplicates,
            WrongClassAlarms = wrongClass,
            Jams = truth.JamOnsetsSeconds.Count,
            FalseJamWarnings = falseJams,
            GroundTruthTracks = gtTracks,
            IdSwitches = switches,
        };
        return new ScenarioScore(figures, latencies, etaErrors, leads) { JamEpisodes = episodes, FalseHazardAlarms = falseList, MissedHazards = missedList };
    }

    private int MatchAlarm(IReadOnlyList<GroundTruthFrame> frames, in AlarmObservation a)
    {
        int f = NearestFrame(frames, a.TimeSeconds);
        if (f < 0) return -1;
        // An object entering the view is detected with a box cut by the frame edge while its true box is whole: such an
        // alarm box lies inside the true box (high overlap of the smaller box) with a low IoU. Accept either; among the
        // accepted, the highest IoU wins (a battery lying on a cardboard box matches the battery).
        int best = -1;
        float bestIoU = -1f;
        foreach (var o in frames[f].Objects)
        {
            if (o.VisibleFraction <= 0) continue;
            float iou = o.Box.IoU(a.Box);
            float ix = MathF.Min(o.Box.X2, a.Box.X2) - MathF.Max(o.Box.X1, a.Box.X1);
            float iy = MathF.Min(o.Box.Y2, a.Box.Y2) - MathF.Max(o.Box.Y1, a.Box.Y1);
            float smaller = MathF.Min(o.Box.Area, a.Box.Area);
            float overlap = ix > 0 && iy > 0 && smaller > 0 ? ix * iy / smaller : 0f;
            if (iou < _o.AlarmMatchIoU && overlap < _o.AlarmMatchOverlap) continue;
            if (iou > bestIoU) { bestIoU = iou; best = o.ObjectId; }
        }
        return best;
    }

    private static int NearestFrame(IReadOnlyList<GroundTruthFrame> frames, double t)
    {
        if (frames.Count == 0) return -1;
        int lo = 0, hi = frames.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (frames[mid].TimeSeconds < t) lo = mid + 1; else hi = mid;
        }
        if (lo > 0 && Math.Abs(frames[lo - 1].TimeSeconds - t) <= Math.Abs(frames[lo].TimeSeconds - t)) lo--;
        return lo;
    }

    private (List<double> Leads, int Missed, int FalseWarnings, List<JamEpisode> Episodes) ScoreJams(ScenarioGroundTruth truth, IReadOnlyList<JamObservation> states)
    {
        // Episodes from leaving Normal to coming back (End null while still open), with their worst state and first reason.
        var episodes = new List<JamEpisode>();
        JamEpisode? open = null;
        foreach (var s in states)
        {
            if (open is null)
            {
                if (s.State != JamState.Normal) open = new JamEpisode(s.TimeSeconds, null, s.State, s.Reason, null);
            }
            else if (s.State == JamState.Normal)
            {
                episodes.Add(open with { EndSeconds = s.TimeSeconds });
                open = null;
            }
            else if (s.State > open.WorstState) open = open with { WorstState = s.State };
        }
        if (open is not null) episodes.Add(open);

        var leads = new List<double>();
        int missed = 0;
        foreach (var onset in truth.JamOnsetsSeconds)
        {
            // Every episode in the onset's window belongs to that jam: a warning that cleared shortly before the jam and
            // the jammed state itself are one event, not a hit and a false warning. The earliest gives the lead.
            int match = -1;
            for (int e = 0; e < episodes.Count; e++)
            {
                var ep = episodes[e];
                if (ep.OnsetSeconds is not null) continue;
                bool startsInWindow = ep.StartSeconds >= onset - _o.JamLookbackSeconds && ep.StartSeconds <= onset + _o.JamLateToleranceSeconds;
                bool runningAtOnset = ep.StartSeconds <= onset && (ep.EndSeconds ?? double.PositiveInfinity) >= onset;
                if (!startsInWindow && !runningAtOnset) continue;
                if (match < 0) match = e;
                episodes[e] = ep with { OnsetSeconds = onset };
            }
            if (match < 0) { missed++; continue; }
            leads.Add(Math.Min(onset - episodes[match].StartSeconds, _o.JamLookbackSeconds));
        }
        int falseWarnings = 0;
        foreach (var ep in episodes) if (ep.OnsetSeconds is null) falseWarnings++;
        return (leads, missed, falseWarnings, episodes);
    }

    /// <param name="trackedAs">Filled per object: the class of the track matched to it, frames per class.</param>
    private (int Switches, int Tracks) CountIdSwitches(IReadOnlyList<GroundTruthFrame> frames, IReadOnlyList<TrackFrame> trackFrames,
        Dictionary<int, Dictionary<int, int>> trackedAs)
    {
        var last = new Dictionary<int, int>();
        int switches = 0;
        var candidates = new List<(float IoU, int Obj, int Track, int Class)>();
        var usedObj = new HashSet<int>();
        var usedTrack = new HashSet<int>();
        foreach (var tf in trackFrames)
        {
            int f = NearestFrame(frames, tf.TimeSeconds);
            if (f < 0) break;
            candidates.Clear();
            foreach (var o in frames[f].Objects)
            {
                if (o.VisibleFraction < _o.MinVisibleFraction) continue;
                foreach (var t in tf.Tracks)
                {
                    float iou = o.Box.IoU(t.Box);
                    if (iou >= _o.TrackMatchIoU) candidates.Add((iou, o.ObjectId, t.TrackId, t.ClassId));
                }
            }
            candidates.Sort(static (a, b) => b.IoU != a.IoU ? b.IoU.CompareTo(a.IoU) : a.Obj != b.Obj ? a.Obj.CompareTo(b.Obj) : a.Track.CompareTo(b.Track));
            usedObj.Clear();
            usedTrack.Clear();
            foreach (var (_, obj, track, cls) in candidates)
            {
                if (usedObj.Contains(obj) || usedTrack.Contains(track)) continue;
                usedObj.Add(obj);
                usedTrack.Add(track);
                if (!trackedAs.TryGetValue(obj, out var counts)) trackedAs[obj] = counts = new Dictionary<int, int>();
                counts[cls] = counts.GetValueOrDefault(cls) + 1;
                if (last.TryGetValue(obj, out var prev) && prev != track) switches++;
                last[obj] = track;
            }
        }
        return (switches, last.Count);
    }

    internal static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        var copy = values.ToArray();
        Array.Sort(copy);
        int m = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[m] : 0.5 * (copy[m - 1] + copy[m]);
    }
}
