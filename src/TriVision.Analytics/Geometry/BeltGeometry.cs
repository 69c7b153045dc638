using System.Numerics;
using System.Text;

namespace TriVision.Analytics.Geometry;

/// <summary>
/// One camera's view of the belt: where the belt is in the image, which way it runs, how many
/// pixels make a metre, and where the downstream points are. Converts image positions into
/// "metres along the belt", the one coordinate that hazard ETAs and jam positions are expressed in.
/// Immutable and allocation-free after <see cref="Create"/>.
/// </summary>
public sealed class BeltGeometry
{
    private readonly Vector2[] _polygon;
    private readonly BeltPoint[] _points;
    private readonly float _originAlongPx;
    private readonly float[]? _h;

    private BeltGeometry(string cameraId, Vector2[] polygon, Vector2 direction, float pixelsPerMetre,
        float viewOffsetMetres, BeltPoint[] points, float nominalSpeed, float[]? homography = null)
    {
        _h = homography;
        CameraId = cameraId;
        _polygon = polygon;
        Direction = direction;
        PixelsPerMetre = pixelsPerMetre;
        ViewOffsetMetres = viewOffsetMetres;
        _points = points;
        NominalSpeedMetresPerSecond = nominalSpeed;

        float min = float.MaxValue, max = float.MinValue;
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var p in polygon)
        {
            float a = Vector2.Dot(p, direction);
            min = MathF.Min(min, a);
            max = MathF.Max(max, a);
            minX = MathF.Min(minX, p.X); minY = MathF.Min(minY, p.Y);
            maxX = MathF.Max(maxX, p.X); maxY = MathF.Max(maxY, p.Y);
        }
        _originAlongPx = min;
        ViewLengthMetres = (max - min) / pixelsPerMetre;
        if (homography is not null)
        {
            float lo = float.MaxValue, hi = float.MinValue;
            foreach (var p in polygon)
            {
                float a = MapAlong(homography, p.X, p.Y);
                lo = MathF.Min(lo, a);
                hi = MathF.Max(hi, a);
            }
            ViewOffsetMetres = lo;
            ViewLengthMetres = hi - lo;
        }
        Bounds = new TriVision.Core.Detections.BoxF(minX, minY, maxX, maxY);
        PolygonArea = ComputeArea(polygon);
    }

    public string CameraId { get; }

    /// <summary>Unit vector of the direction of travel in image coordinates.</summary>
    public Vector2 Direction { get; }

    public float PixelsPerMetre { get; }

    /// <summary>Belt position (m) of the upstream edge of the view.</summary>
    public float ViewOffsetMetres { get; }

    /// <summary>Length of the view along the belt, metres.</summary>
    public float ViewLengthMetres { get; }

    /// <summary>Belt position (m) of the downstream edge of the view.</summary>
    public float ViewEndMetres => ViewOffsetMetres + ViewLengthMetres;

    public float NominalSpeedMetresPerSecond { get; }

    /// <summary>Axis-aligned bounds of the belt polygon, pixels.</summary>
    public TriVision.Core.Detections.BoxF Bounds { get; }

    /// <summary>Area of the belt polygon, square pixels.</summary>
    public float PolygonArea { get; }

    public ReadOnlySpan<Vector2> Polygon => _polygon;

    public ReadOnlySpan<BeltPoint> DownstreamPoints => _points;

    /// <summary>Belt position in metres of an image point (its projection on the direction of travel).</summary>
    public float AlongMetres(float x, float y) => _h is null
        ? ViewOffsetMetres + (x * Direction.X + y * Direction.Y - _originAlongPx) / PixelsPerMetre
        : MapAlong(_h, x, y);

    /// <summary>True when positions come from a homography rather than a single scale.</summary>
    public bool HasHomography => _h is not null;

    private static float MapAlong(float[] h, float x, float y) => (h[0] * x + h[1] * y + h[2]) / (h[6] * x + h[7] * y + h[8]);

    private static float MapAcross(float[] h, float x, float y) => (h[3] * x + h[4] * y + h[5]) / (h[6] * x + h[7] * y + h[8]);

    /// <summary>Position across the belt in metres (perpendicular to the direction of travel, from an arbitrary origin).</summary>
    public float AcrossMetres(float x, float y) => _h is null
        ? (y * Direction.X - x * Direction.Y) / PixelsPerMetre
        : MapAcross(_h, x, y);

    /// <summary>Belt velocity in pixels per second (image vector) for a speed in metres per second.</summary>
    public Vector2 PixelVelocity(float metresPerSecond) => Direction * (metresPerSecond * PixelsPerMetre);

    /// <summary>Point-in-polygon by crossing count (boundary points count as either).</summary>
    public bool Contains(float x, float y)
    {
        bool inside = false;
        var poly = _polygon;
        for (int i = 0, j = poly.Length - 1; i < poly.Length; j = i++)
        {
            var a = poly[i];
            var b = poly[j];
            if ((a.Y > y) != (b.Y > y) && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X)
                inside = !inside;
        }
        return inside;
    }

    public bool TryGetPoint(string name, out BeltPoint point)
    {
        foreach (var p in _points)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                point = p;
                return true;
            }
        }
        point = default;
        return false;
    }

    /// <summary>
    /// Seconds until an object at <paramref name="positionMetres"/> moving at <paramref name="speedMetresPerSecond"/>
    /// reaches <paramref name="point"/>: 0 when already past it, NaN when the speed is unknown or the belt stands still.
    /// </summary>
    public static float EtaSeconds(float positionMetres, float speedMetresPerSecond, BeltPoint point)
    {
        float remaining = point.DistanceMetres - positionMetres;
        if (remaining <= 0) return 0f;
        if (!(speedMetresPerSecond > 1e-4f)) return float.NaN;
        return remaining / speedMetresPerSecond;
    }

    /// <summary>Validates <paramref name="options"/> and builds the geometry; throws <see cref="BeltGeometryException"/> listing every problem.</summary>
    public static BeltGeometry Create(BeltGeometryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new StringBuilder();
        string cam = string.IsNullOrWhiteSpace(options.CameraId) ? "(no camera id)" : options.CameraId;
        void Error(string s) => errors.Append("\n  - ").Append(s);

        if (string.IsNullOrWhiteSpace(options.CameraId))
            Error("CameraId is empty: each belt geometry belongs to one camera.");
        var poly = new Vector2[options.Polygon.Count];
        for (int i = 0; i < poly.Length; i++)
        {
            var p = options.Polygon[i];
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y) || p.X < 0 || p.Y < 0)
                Error($"Polygon[{i}] = ({p.X}, {p.Y}): vertices must be finite, non-negative pixel coordinates.");
            poly[i] = new Vector2(p.X, p.Y);
        }
        if (poly.Length < 3)
            Error($"Polygon has {poly.Length} vertices: at least 3 are needed.");
        else if (ComputeArea(poly) < 1f)
            Error("Polygon has no area: its vertices are collinear or repeated.");

        var dir = new Vector2(options.Direction.X, options.Direction.Y);
        float ppm = options.PixelsPerMetre;
        float[]? h = null;
        if (options.Homography is { } hom)
        {
            h = ValidateHomography(hom, poly, errors.Length == 0, Error, out dir, out ppm);
        }
        else
        {
            float len = dir.Length();
            if (!float.IsFinite(len) || len < 1e-6f)
                Error($"Direction = ({options.Direction.X}, {options.Direction.Y}): must be a non-zero vector (e.g. X=1, Y=0 for left to right).");
            else
                dir /= len;

            if (!float.IsFinite(ppm) || ppm <= 0)
                Error($"PixelsPerMetre = {options.PixelsPerMetre}: must be > 0 (measure a known length on the belt).");
            if (!float.IsFinite(options.ViewOffsetMetres) || options.ViewOffsetMetres < 0)
                Error($"ViewOffsetMetres = {options.ViewOffsetMetres}: must be >= 0.");
        }
        if (!float.IsFinite(options.NominalSpeedMetresPerSecond) || options.NominalSpeedMetresPerSecond <= 0 || options.NominalSpeedMetresPerSecond > 10)
            Error($"NominalSpeedMetresPerSecond = {options.NominalSpeedMetresPerSecond}: must be in (0, 10].");

        var points = new BeltPoint[options.DownstreamPoints.Count];
        for (int i = 0; i < points.Length; i++)
        {
            var dp = options.DownstreamPoints[i];
            if (string.IsNullOrWhiteSpace(dp.Name))
                Error($"DownstreamPoints[{i}].Name is empty.");
            for (int j = 0; j < i; j++)
                if (string.Equals(points[j].Name, dp.Name, StringComparison.Ordinal))
                    Error($"DownstreamPoints[{i}].Name = '{dp.Name}' is used twice.");
            if (!float.IsFinite(dp.DistanceMetres) || (h is null && dp.DistanceMetres <= options.ViewOffsetMetres))
                Error($"DownstreamPoints[{i}] '{dp.Name}' at {dp.DistanceMetres} m: must lie downstream of the view (> ViewOffsetMetres = {options.ViewOffsetMetres} m).");
            points[i] = new BeltPoint(dp.Name, dp.DistanceMetres);
        }

        if (errors.Length > 0)
            throw new BeltGeometryException($"Belt geometry for camera '{cam}' is invalid:{errors}");

        var geometry = new BeltGeometry(options.CameraId, poly, dir, ppm,
            options.ViewOffsetMetres, points, options.NominalSpeedMetresPerSecond, h);
        foreach (var p in points)
        {
            if (p.DistanceMetres < geometry.ViewEndMetres)
                throw new BeltGeometryException(
                    $"Belt geometry for camera '{cam}' is invalid:\n  - Downstream point '{p.Name}' at {p.DistanceMetres} m lies inside the view (view ends at {geometry.ViewEndMetres:0.###} m); points must be downstream of the view.");
        }
        return geometry;
    }

    /// <summary>
    /// Checks a homography over the polygon (finite, w of one sign at every vertex: the belt lies in front of the camera)
    /// and derives the image direction of travel and the scale at the polygon's centre: the image step that advances one
    /// metre along the belt and none across is J⁻¹·(1, 0), J the Jacobian of (along, across) at the centre.
    /// </summary>
    private static float[]? ValidateHomography(float[] hom, Vector2[] poly, bool polygonOk, Action<string> error, out Vector2 dir, out float ppm)
    {
        dir = new Vector2(1, 0);
        ppm = 1;
        if (hom.Length != 9)
        {
            error($"Homography has {hom.Length} values: 9 are needed (3x3, row-major, image pixels to belt metres).");
            return null;
        }
        foreach (var v in hom)
        {
            if (float.IsFinite(v)) continue;
            error("Homography contains a value that is not a finite number.");
            return null;
        }
        if (!polygonOk || poly.Length < 3) return null;
        var h = (float[])hom.Clone();
        int positive = 0;
        foreach (var p in poly) if (h[6] * p.X + h[7] * p.Y + h[8] > 0) positive++;
        if (positive == 0)
        {
            for (int i = 0; i < 9; i++) h[i] = -h[i]; // a homography is defined up to scale, sign included
            positive = poly.Length;
        }
        if (positive != poly.Length)
        {
            error("Homography maps part of the belt polygon behind the camera (w changes sign over the polygon): check the matrix.");
            return null;
        }
        float cx = 0, cy = 0;
        foreach (var p in poly) { cx += p.X; cy += p.Y; }
        cx /= poly.Length;
        cy /= poly.Length;
        const float e = 0.5f;
        float da_dx = (MapAlong(h, cx + e, cy) - MapAlong(h, cx - e, cy)) / (2 * e);
        float da_dy = (MapAlong(h, cx, cy + e) - MapAlong(h, cx, cy - e)) / (2 * e);
        float dc_dx = (MapAcross(h, cx + e, cy) - MapAcross(h, cx - e, cy)) / (2 * e);
        float dc_dy = (MapAcross(h, cx, cy + e) - MapAcross(h, cx, cy - e)) / (2 * e);
        float det = da_dx * dc_dy - da_dy * dc_dx;
        if (!(MathF.Abs(det) > 1e-12f) || !float.IsFinite(det))
        {
            error("Homography is degenerate at the centre of the belt polygon (it does not map the image onto a plane).");
            return null;
        }
        var step = new Vector2(dc_dy / det, -dc_dx / det); // pixels per metre along, in image coordinates
        ppm = step.Length();
        dir = step / ppm;
        return h;
    }

    private static float ComputeArea(ReadOnlySpan<Vector2> poly)
    {
        double sum = 0;
        for (int i = 0, j = poly.Length - 1; i < poly.Length; j = i++)
            sum += (double)poly[j].X * poly[i].Y - (double)poly[i].X * poly[j].Y;
        return (float)Math.Abs(sum * 0.5);
    }
}
