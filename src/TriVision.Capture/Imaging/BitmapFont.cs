namespace TriVision.Capture.Imaging;

/// <summary>
/// A tiny 5x7 pixel font drawn here so that annotation needs no font files. Upper-case letters,
/// digits and the punctuation that class names and scores use; lower case is drawn as upper
/// case and anything else as '?'.
/// </summary>
public static class BitmapFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;

    /// <summary>Horizontal advance per character in font pixels (glyph plus one pixel of spacing).</summary>
    public const int Advance = GlyphWidth + 1;

    private const char First = ' ';
    private const char Last = '_';

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/>.</summary>
    public static int MeasureWidth(ReadOnlySpan<char> text, int scale) =>
        text.IsEmpty ? 0 : (text.Length * Advance - 1) * scale;

    /// <summary>Height in pixels at <paramref name="scale"/>.</summary>
    public static int MeasureHeight(int scale) => GlyphHeight * scale;

    /// <summary>True when pixel (<paramref name="x"/>, <paramref name="y"/>) of the glyph for <paramref name="c"/> is set.</summary>
    public static bool IsSet(char c, int x, int y)
    {
        if ((uint)x >= GlyphWidth || (uint)y >= GlyphHeight) return false;
        return (Rows[GlyphIndex(c) * GlyphHeight + y] & (1 << (GlyphWidth - 1 - x))) != 0;
    }

    private static int GlyphIndex(char c)
    {
        if (c is >= 'a' and <= 'z') c = (char)(c - 'a' + 'A');
        if (c < First || c > Last || !Defined[c - First]) c = '?';
        return c - First;
    }


    private static byte[] Build()
    {
        var rows = new byte[(Last - First + 1) * GlyphHeight];
        foreach (var (c, art) in Glyphs)
        {
            var lines = art.Split(' ');
            if (lines.Length != GlyphHeight) throw new InvalidOperationException($"Glyph '{c}' has {lines.Length} rows.");
            for (int y = 0; y < GlyphHeight; y++)
            {
                byte bits = 0;
                for (int x = 0; x < GlyphWidth; x++)
                    if (lines[y][x] == '1') bits |= (byte)(1 << (GlyphWidth - 1 - x));
                rows[(c - First) * GlyphHeight + y] = bits;
            }
            Defined[c - First] = true;
        }
        return rows;
    }

    // Each glyph: seven rows of five columns, top to bottom.
    private static readonly (char Char, string Art)[] Glyphs =
    [
        (' ', "00000 00000 00000 00000 00000 00000 00000"),
        ('%', "11000 11001 00010 00100 01000 10011 00011"),
        ('(', "00010 00100 01000 01000 01000 00100 00010"),
        (')', "01000 00100 00010 00010 00010 00100 01000"),
        ('+', "00000 00100 00100 11111 00100 00100 00000"),
        (',', "00000 00000 00000 00000 01100 00100 01000"),
        ('-', "00000 00000 00000 11111 00000 00000 00000"),
        ('.', "00000 00000 00000 00000 00000 01100 01100"),
        ('/', "00000 00001 00010 00100 01000 10000 00000"),
        ('0', "01110 10001 10011 10101 11001 10001 01110"),
        ('1', "00100 01100 00100 00100 00100 00100 01110"),
        ('2', "01110 10001 00001 00010 00100 01000 11111"),
        ('3', "11111 00010 00100 00010 00001 10001 01110"),
        ('4', "00010 00110 01010 10010 11111 00010 00010"),
        ('5', "11111 10000 11110 00001 00001 10001 01110"),
        ('6', "00110 01000 10000 11110 10001 10001 01110"),
        ('7', "11111 00001 00010 00100 01000 01000 01000"),
        ('8', "01110 10001 10001 01110 10001 10001 01110"),
        ('9', "01110 10001 10001 01111 00001 00010 01100"),
        (':', "00000 01100 01100 00000 01100 01100 00000"),
        ('=', "00000 00000 11111 00000 11111 00000 00000"),
        ('?', "01110 10001 00001 00010 00100 00000 00100"),
        ('A', "01110 10001 10001 11111 10001 10001 10001"),
        ('B', "11110 10001 10001 11110 10001 10001 11110"),
        ('C', "01110 10001 10000 10000 10000 10001 01110"),
        ('D', "11100 10010 10001 10001 10001 10010 11100"),
        ('E', "11111 10000 10000 11110 10000 10000 11111"),
        ('F', "11111 10000 10000 11110 10000 10000 10000"),
        ('G', "01110 10001 10000 10111 10001 10001 01111"),
        ('H', "10001 10001 10001 11111 10001 10001 10001"),
        ('I', "01110 00100 00100 00100 00100 00100 01110"),
        ('J', "00111 00010 00010 00010 00010 10010 01100"),
        ('K', "10001 10010 10100 11000 10100 10010 10001"),
        ('L', "10000 10000 10000 10000 10000 10000 11111"),
        ('M', "10001 11011 10101 10101 10001 10001 10001"),
        ('N', "10001 10001 11001 10101 10011 10001 10001"),
        ('O', "01110 10001 10001 10001 10001 10001 01110"),
        ('P', "11110 10001 10001 11110 10000 10000 10000"),
        ('Q', "01110 10001 10001 10001 10101 10010 01101"),
        ('R', "11110 10001 10001 11110 10100 10010 10001"),
        ('S', "01111 10000 10000 01110 00001 00001 11110"),
        ('T', "11111 00100 00100 00100 00100 00100 00100"),
        ('U', "10001 10001 10001 10001 10001 10001 01110"),
        ('V', "10001 10001 10001 10001 10001 01010 00100"),
        ('W', "10001 10001 10001 10101 10101 10101 01010"),
        ('X', "10001 10001 01010 00100 01010 10001 10001"),
        ('Y', "10001 10001 10001 01010 00100 00100 00100"),
        ('Z', "11111 00001 00010 00100 01000 10000 11111"),
        ('_', "00000 00000 00000 00000 00000 00000 11111"),
    ];

    // Declared after Glyphs on purpose: static initialisers run in textual order.
    private static readonly bool[] Defined = new bool[Last - First + 1];

    // One row per byte, bit 4 is the leftmost column. Indexed by (c - First).
    private static readonly byte[] Rows = Build();
}
