using TriVision.Simulation.Rendering;

namespace TriVision.Simulation.Tests;

public class OcclusionRuleTests
{
    /// <summary>
    /// A layer hides what lies beneath it exactly when the renderer's blend leaves at most a fifth of
    /// a black-on-white edge beneath it: a battery under tinted glass (alpha 0.68-0.85) or film
    /// (0.7-0.92) that still shows at more than a fifth of its contrast is visible, and labelled.
    /// The old threshold (128) fails this for every alpha from 128 to 203.
    /// </summary>
    [Fact]
    public void A_layer_hides_what_is_beneath_only_where_at_most_a_fifth_shows_through()
    {
        for (int a = Sprite.SilhouetteAlpha; a <= 255; a++)
        {
            // The blend of BeltSimulator.Blit, for a mid-grey layer over black and over white.
            int overBlack = (128 * a + 0 * (255 - a) + 127) / 255;
            int overWhite = (128 * a + 255 * (255 - a) + 127) / 255;
            int contrastLeft = overWhite - overBlack;
            Assert.True(Sprite.Hides(a) == contrastLeft * 5 <= 255, $"alpha {a}: {contrastLeft}/255 of the contrast beneath shows, Hides = {Sprite.Hides(a)}");
        }
        Assert.False(Sprite.Hides((int)(0.75 * 255)));
        Assert.True(Sprite.Hides(255));
    }
}
