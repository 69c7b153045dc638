using TriVision.Simulation.Objects;
using TriVision.Simulation.Rendering;
using TriVision.Simulation.Scenarios;

namespace TriVision.Simulation;

public sealed partial class BeltSimulator
{
    private readonly List<SimObject> _objects = new(128);
    private readonly Stack<SimObject> _pool = new(128);
    private readonly System.Buffers.ArrayPool<byte> _spritePool = System.Buffers.ArrayPool<byte>.Create(4 << 20, 256);
    private static readonly Comparison<SimObject> FrontFirst = (a, b) => b.X.CompareTo(a.X);
    private readonly List<SimObject> _order = new(128);
    private double _nextArrival;
    private double _nextClutter;
    private int _nextScripted;
    private int _nextId = 1;
    private SimObject? _lastSpawned;

    /// <summary>Moves the belt and its objects from the current time to <paramref name="tNew"/> and spawns arrivals.</summary>
    private void Advance(double tNew)
    {
        double t0 = _time;
        double d = _scenario.DistanceBetween(t0, tNew);
        _beltTravelM += d;
        bool blocked = _scenario.KeyframeAt(tNew).Blocked;
        if (blocked) MoveBlocked(d);
        else
        {
            foreach (SimObject o in _objects)
            {
                o.Held = false;
                o.X += d;
            }
        }

        var scripted = _scenario.ScriptedObjects;
        while (_nextScripted < scripted.Count && scripted[_nextScripted].EnterTimeS <= tNew)
        {
            SpawnScripted(scripted[_nextScripted], _nextScripted, tNew);
            _nextScripted++;
        }
        while (_nextArrival <= tNew)
        {
            double ta = _nextArrival;
            double feed = _scenario.FeedAt(ta);
            if (feed > 0) SpawnArrival(ta, tNew);
            _nextArrival = ta + (feed > 0 ? _flowRng.Exponential(feed) : 0.25);
        }
        double clutterRate = _o.Clutter * _o.BeltWidthM * _scenario.SpeedAt(tNew);
        while (_nextClutter <= tNew)
        {
            double ta = _nextClutter;
            if (clutterRate > 0)
            {
                SimObject c = Spawn(ObjectKind.Scrap, ta, tNew);
                c.IsClutter = true;
            }
            _nextClutter = ta + (clutterRate > 0 ? _flowRng.Exponential(clutterRate) : 0.25);
        }

        // Drop objects that have left the view downstream (compacting in place: no allocation).
        double exit = Geometry.ViewEndM + 0.02;
        int w = 0;
        for (int i = 0; i < _objects.Count; i++)
        {
            SimObject o = _objects[i];
            if (o.X - o.Sprite.ExtentXM / 2 > exit)
            {
                if (ReferenceEquals(o, _lastSpawned)) _lastSpawned = null;
                // Hand the pixels back so that any later object, whatever its size, can reuse them.
                _spritePool.Return(o.Sprite.Pixels);
                o.Sprite.Pixels = [];
                _pool.Push(o);
            }
            else _objects[w++] = o;
        }
        _objects.RemoveRange(w, _objects.Count - w);
        _time = tNew;
    }

    /// <summary>
    /// Transfer-point blockage: objects stop at the blockage or against the held object ahead of
    /// them (overlapping it a little, which is how a pile builds), while the belt runs beneath.
    /// </summary>
    private void MoveBlocked(double d)
    {
        double blockX = Geometry.ViewStartM + _scenario.TransferPointFraction * Geometry.ViewLengthM;
        _order.Clear();
        _order.AddRange(_objects);
        _order.Sort(FrontFirst);
        for (int i = 0; i < _order.Count; i++)
        {
            SimObject o = _order[i];
            double hx = o.Sprite.ExtentXM / 2, hy = o.Sprite.ExtentYM / 2;
            if (o.X - hx >= blockX && !o.Held) { o.X += d; continue; }
            // Per-object jitter (from the id, so it stays deterministic) makes a ragged heap rather than a queue.
            double jitter = Rendering.ValueNoise.Hash(o.Id, 17, (uint)_o.Seed);
            double limit = blockX - hx * (0.2 + 0.7 * jitter);
            for (int j = 0; j < i; j++)
            {
                SimObject a = _order[j];
                if (!a.Held) continue;
                double ahx = a.Sprite.ExtentXM / 2, ahy = a.Sprite.ExtentYM / 2;
                if (Math.Abs(a.Y - o.Y) < (ahy + hy) * 0.8)
                    limit = Math.Min(limit, a.X - (ahx + hx) * (0.4 + 0.35 * jitter));
            }
            double nx = o.X + d;
            if (nx >= limit)
            {
                o.X = Math.Max(o.X, limit);
                o.Held = true;
            }
            else o.X = nx;
        }
    }

    private ObjectKind PickKind(ref SimRandom rng, double hazardShare)
    {
        int cls = SimClasses.Waste;
        if (hazardShare > 0 && rng.Chance(hazardShare))
        {
            double total = 0;
            foreach (double w in _o.HazardWeights) total += w;
            double pick = rng.NextDouble() * total;
            for (cls = 0; cls < 3; cls++)
            {
                pick -= _o.HazardWeights[cls];
                if (pick < 0) break;
            }
        }
        ReadOnlySpan<(ObjectKind Kind, double Weight)> kinds = ObjectKinds.KindsOf(cls);
        double[] boost = _o.KindBoost;
        double sum = 0;
        foreach (var k in kinds) sum += k.Weight * boost[(int)k.Kind];
        double p = rng.NextDouble() * sum;
        foreach (var k in kinds)
        {
            p -= k.Weight * boost[(int)k.Kind];
            if (p < 0) return k.Kind;
        }
        return kinds[^1].Kind;
    }

    private void SpawnArrival(double ta, double tNew)
    {
        if (_flowRng.Chance(_o.Pileup))
        {
            int n = _flowRng.Next(3, 8);
            SimObject first = Spawn(PickKind(ref _flowRng, _o.HazardShare), ta, tNew);
            for (int i = 1; i < n; i++)
            {
                SimObject o = Spawn(PickKind(ref _flowRng, _o.HazardShare), ta, tNew);
                PlaceNear(o, first, 0.9);
            }
            _lastSpawned = first;
            return;
        }
        SimObject prev = _lastSpawned!;
        bool occlude = _lastSpawned is not null && _flowRng.Chance(_o.Occlusion);
        SimObject obj = Spawn(PickKind(ref _flowRng, _o.HazardShare), ta, tNew);
        if (occlude && prev.X - prev.Sprite.ExtentXM / 2 < Geometry.ViewStartM + 0.3) PlaceNear(obj, prev, 0.6);
        _lastSpawned = obj;
    }

    private void SpawnScripted(in ScriptedObject s, int index, double tNew)
    {
        SimObject h = Spawn(s.Kind, s.EnterTimeS, tNew);
        h.ScriptIndex = index;
        double hy = h.Sprite.ExtentYM / 2;
        h.Y = Math.Clamp(s.LateralFraction * _o.BeltWidthM, Math.Min(hy, _o.BeltWidthM / 2), Math.Max(_o.BeltWidthM - hy, _o.BeltWidthM / 2));
        if (s.CoverFraction > 0)
        {
            ObjectKind cover = _flowRng.Pick<ObjectKind>([ObjectKind.Cardboard, ObjectKind.Paper, ObjectKind.Film, ObjectKind.Cardboard]);
            SimObject w = Spawn(cover, s.EnterTimeS, tNew);
            // Slide the cover along the belt axis so that roughly CoverFraction of the hazard's length lies under it.
            double overlap = s.CoverFraction * h.Sprite.ExtentXM;
            w.X = h.X - h.Sprite.ExtentXM / 2 - w.Sprite.ExtentXM / 2 + overlap;
            w.Y = h.Y + _flowRng.Range(-0.2, 0.2) * h.Sprite.ExtentYM;
        }
        _lastSpawned = h;
    }

    private void PlaceNear(SimObject o, SimObject anchor, double spread)
    {
        o.X = anchor.X + _flowRng.Range(-0.5, 0.5) * spread * (anchor.Sprite.ExtentXM + o.Sprite.ExtentXM) / 2;
        double hy = o.Sprite.ExtentYM / 2;
        double y = anchor.Y + _flowRng.Range(-0.5, 0.5) * spread * (anchor.Sprite.ExtentYM + o.Sprite.ExtentYM) / 2;
        o.Y = Math.Clamp(y, Math.Min(hy, _o.BeltWidthM / 2), Math.Max(_o.BeltWidthM - hy, _o.BeltWidthM / 2));
    }

    /// <summary>Creates an object whose leading edge is at the view's left edge at time <paramref name="ta"/>, then moves it on to <paramref name="tNew"/>.</summary>
    private SimObject Spawn(ObjectKind kind, double ta, double tNew)
    {
        // Slot ids are 16-bit; a belt never holds anywhere near this many objects in view.
        if (_objects.Count >= ushort.MaxValue - 1) throw new InvalidOperationException($"More than {ushort.MaxValue - 1} objects on the simulated belt; lower 'feed' or 'clutter'.");
        SimObject o = _pool.Count > 0 ? _pool.Pop() : new SimObject();
        o.Id = _nextId++;
        o.Kind = kind;
        o.ClassId = kind.ClassOf();
        o.Held = false;
        o.IsClutter = false;
        o.EnteredViewS = ta;
        o.ScriptIndex = -1;
        var look = SimRandom.Derive(_o.Seed, 1000, (ulong)o.Id);
        SpritePainter.Paint(o.Sprite, kind, ref look, _ppm, _spritePool);
        double hx = o.Sprite.ExtentXM / 2, hy = o.Sprite.ExtentYM / 2;
        o.X = Geometry.ViewStartM - hx + _scenario.DistanceBetween(ta, tNew);
        o.Y = hy * 2 < _o.BeltWidthM ? _flowRng.Range(hy, _o.BeltWidthM - hy) : _o.BeltWidthM / 2;
        _objects.Add(o);
        return o;
    }
}
