using System.Globalization;
using System.Text;

namespace TriVision.Inference.Decoding;

/// <summary>Class id ↔ name table of a detection model.</summary>
public sealed class ClassNames
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _ids;

    private ClassNames(string[] names)
    {
        _names = names;
        _ids = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
            _ids.TryAdd(names[i], i);
    }

    public int Count => _names.Length;

    /// <summary>Name of a class; an id outside the table gets its number, so a stray id never crashes a frame.</summary>
    public string this[int id] => (uint)id < (uint)_names.Length ? _names[id] : id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Looks a name up, case-insensitively; the first id wins when two classes share a name.</summary>
    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>Names "0", "1", … for a model that ships none.</summary>
    public static ClassNames Numbered(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = i.ToString(CultureInfo.InvariantCulture);
        return new ClassNames(names);
    }

    /// <summary>
    /// Parses the <c>names</c> entry of an Ultralytics ONNX model's metadata: a Python dict repr
    /// (<c>{0: 'person', 1: 'bicycle'}</c>), its JSON form (<c>{"0": "person"}</c>) or a list
    /// (<c>['person', 'bicycle']</c> / <c>["person"]</c>). Ids missing from a dict get their number as name.
    /// </summary>
    public static ClassNames FromUltralyticsMetadata(string namesValue)
    {
        ArgumentNullException.ThrowIfNull(namesValue);
        var reader = new NamesReader(namesValue);
        return new ClassNames(reader.Parse());
    }

    /// <summary>
    /// Reads a labels file: one name per line, the line order giving the id; surrounding
    /// whitespace is trimmed, empty lines and lines starting with '#' are skipped.
    /// </summary>
    public static ClassNames FromLabelsFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read labels file '{path}': {e.Message}", e);
        }
        var names = new List<string>(lines.Length);
        foreach (string line in lines)
        {
            string t = line.Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            names.Add(t);
        }
        if (names.Count == 0)
            throw new InvalidDataException($"Labels file '{path}' has no class names (one name per line expected).");
        return new ClassNames(names.ToArray());
    }

    /// <summary>Small recursive-descent reader for the dict / list forms; not a full Python parser.</summary>
    private ref struct NamesReader
    {
        private readonly string _text;
        private int _pos;

        public NamesReader(string text)
        {
            _text = text;
            _pos = 0;
        }

        public string[] Parse()
        {
            SkipSpace();
            string[] result;
            if (TryTake('{')) result = ParseDict();
            else if (TryTake('[')) result = ParseList();
            else throw Error("expected '{' or '['");
            SkipSpace();
            if (_pos != _text.Length) throw Error("unexpected text after the closing bracket");
            return result;
        }

        private string[] ParseDict()
        {
            var byId = new SortedDictionary<int, string>();
            SkipSpace();
            if (TryTake('}')) return [];
            while (true)
            {
                SkipSpace();
                int id = ParseId();
                SkipSpace();
                Expect(':');
                SkipSpace();
                string name = ParseString();
                if (!byId.TryAdd(id, name)) throw Error($"class id {id} appears twice");
                SkipSpace();
                if (TryTake(',')) { SkipSpace(); if (TryTake('}')) break; continue; }
                Expect('}');
                break;
            }
            int count = 0;
            foreach (int id in byId.Keys) count = Math.Max(count, id + 1);
            var names = new string[count];
            for (int i = 0; i < count; i++)
                names[i] = byId.TryGetValue(i, out string? n) ? n : i.ToString(CultureInfo.InvariantCulture);
            return names;
        }

        private string[] ParseList()
        {
            var names = new List<string>();
            SkipSpace();
            if (TryTake(']')) return [];
            while (true)
            {
                SkipSpace();
                names.Add(ParseString());
                SkipSpace();
                if (TryTake(',')) { SkipSpace(); if (TryTake(']')) break; continue; }
                Expect(']');
                break;
            }
            return names.ToArray();
        }

        private int ParseId()
        {
            if (_pos < _text.Length && _text[_pos] is '\'' or '"')
            {
                string s = ParseString();
                if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int quoted)) return quoted;
                throw Error($"class id '{s}' is not a non-negative integer");
            }
            int start = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            if (start == _pos) throw Error("expected a class id");
            if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                throw Error("class id is too large");
            return id;
        }

        private string ParseString()
        {
            if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"')) throw Error("expected a quoted name");
            char quote = _text[_pos++];
            var sb = new StringBuilder();
            while (_pos < _text.Length)
            {
                char ch = _text[_pos++];
                if (ch == quote) return sb.ToString();
                if (ch == '\\' && _pos < _text.Length)
                {
                    char e = _text[_pos++];
                    sb.Append(e switch { 'n' => '\n', 't' => '\t', _ => e });
                    continue;
                }
                sb.Append(ch);
            }
            throw Error("unterminated name");
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        }

        private bool TryTake(char c)
        {
            if (_pos < _text.Length && _text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private void Expect(char c)
        {
            if (!TryTake(c)) throw Error($"expected '{c}'");
        }

        private readonly FormatException Error(string what) =>
            new($"Class names \"{Shorten(_text)}\" cannot be read at character {_pos}: {what}. " +
                "Expected the Ultralytics form {0: 'person', 1: 'bicycle'}, JSON {\"0\": \"person\"} or a list ['person', 'bicycle'].");

        private static string Shorten(string s) => s.Length <= 120 ? s : string.Concat(s.AsSpan(0, 117), "...");
    }
}
