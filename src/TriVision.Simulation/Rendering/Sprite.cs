using System.Buffers;

namespace TriVision.Simulation.Rendering;

/// <summary>
/// One object's pre-rendered appearance (BGRA, straight alpha). Objects translate rigidly with the
/// belt, so painting once at spawn and blitting per frame keeps frames cheap. Buffers are reused
/// through the simulator's sprite pool.
/// </summary>
internal sealed class Sprite
{
    public byte[] Pixels = [];
    public int Width, Height;
    /// <summary>Pixel of the object's centre inside the sprite.</summary>
    public double OriginX, OriginY;
    /// <summary>Pixels with alpha >= <see cref="SilhouetteAlpha"/>: the object's full silhouette.</summary>
    public int OpaqueCount;

    /// <summary>Alpha from which a pixel belongs to the object (clear film and bottles are 0.3-0.6 opaque).</summary>
    public const int SilhouetteAlpha = 40;

    /// <summary>
    /// Alpha from which an object hides what lies beneath it: at most a fifth of the colour beneath
    /// shows through (the blend keeps <c>(255 - alpha) / 255</c> of it). Tinted glass (0.68-0.85) and
    /// film (0.7-0.92) below that let a battery under them be seen plainly, so the truth keeps it
    /// visible there; until model 1.5.0 this was 128 and such batteries went unlabelled.
    /// </summary>
    public const int OccludingAlpha = 204;

    /// <summary>Whether a pixel of this alpha hides what lies beneath it (<see cref="OccludingAlpha"/>).</summary>
    public static bool Hides(int alpha) => alpha >= OccludingAlpha;
    /// <summary>Offset of the cast shadow in pixels (light from the upper left), from the object's height.</summary>
    public int ShadowDx, ShadowDy;

    /// <summary>Extent of the object along the belt (x) and across it (y), metres.</summary>
    public double ExtentXM, ExtentYM;

    /// <summary>Sizes the buffer, renting from <paramref name="pool"/> (null: plain allocation) so that steady state allocates nothing.</summary>
    public void Resize(int width, int height, ArrayPool<byte>? pool)
    {
        Width = width;
        Height = height;
        int n = width * height * 4;
        if (Pixels.Length < n)
        {
            if (pool is null) Pixels = new byte[n];
            else
            {
                if (Pixels.Length > 0) pool.Return(Pixels);
                Pixels = pool.Rent(n);
            }
        }
        Pixels.AsSpan(0, n).Clear();
    }
}
