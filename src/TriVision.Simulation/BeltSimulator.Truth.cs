using TriVision.Core.Detections;
using TriVision.Simulation.Objects;

namespace TriVision.Simulation;

public sealed partial class BeltSimulator
{
    private void FillTruth(double speed)
    {
        SimFrame f = _frame;
        f.ObjectList.Clear();
        f.FrameIndex = _frameIndex;
        f.TimeS = _time;
        f.BeltSpeedMps = speed;
        f.Phase = _hasScenario ? _scenario.KeyframeAt(_time).Phase : "steady";
        int w = _o.Width;
        ushort[] ids = _ids;
        long covered = 0;
        for (int i = 0; i < _objects.Count; i++)
        {
            SimObject o = _objects[i];
            ushort slot = (ushort)(i + 1);
            int count = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            for (int y = o.MinY; y < o.MaxY; y++)
            {
                int row = y * w;
                for (int x = o.MinX; x < o.MaxX; x++)
                {
                    if (ids[row + x] != slot) continue;
                    count++;
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    maxY = y;
                }
            }
            covered += count;
            o.VisiblePixels = count;
            if (o.IsClutter || count == 0) continue;
            double etaStop = o.Held ? double.PositiveInfinity : _scenario.TimeToTravel(_time, Geometry.StopPointM - o.X);
            double etaEject = o.Held ? double.PositiveInfinity : _scenario.TimeToTravel(_time, Geometry.EjectPointM - o.X);
            f.ObjectList.Add(new SimObjectTruth(
                o.Id, o.ClassId, o.Kind, new BoxF(minX, minY, maxX + 1, maxY + 1),
                Math.Min(1f, count / (float)Math.Max(1, o.Sprite.OpaqueCount)),
                o.X, o.Y, SimClasses.IsHazard(o.ClassId), etaStop, etaEject, o.EnteredViewS, o.ScriptIndex));
        }
        int beltTop = Math.Max(0, (int)Math.Round(Geometry.BeltTopPx));
        int beltRows = Math.Min(_o.Height, (int)Math.Round(Geometry.BeltTopPx + _o.BeltWidthM * _ppm)) - beltTop;
        f.Occupancy = beltRows > 0 ? Math.Min(1, covered / ((double)w * beltRows)) : 0;
    }
}
