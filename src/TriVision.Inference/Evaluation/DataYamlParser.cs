namespace TriVision.Inference.Evaluation;

/// <summary>
/// Reads the small YAML subset that YOLO data.yaml files use (Ultralytics, CVAT, Label Studio, Roboflow):
/// top-level <c>key: value</c> scalars, block lists (<c>- item</c>) and block maps (<c>0: name</c>) one level
/// deep, flow lists <c>[a, b]</c> and maps <c>{0: a, 1: b}</c>, quotes and # comments. Kept here rather than
/// taking a YAML library into the inference assembly for one file format; anything outside the subset
/// is reported with its line.
/// </summary>
internal static class DataYamlParser
{
    /// <summary>Top-level key to a scalar (string), a list (List&lt;string&gt;) or a map (List&lt;KeyValuePair&lt;string,string&gt;&gt;).</summary>
    public static Dictionary<string, object> Parse(string path, string text)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        string? openKey = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string raw = StripComment(lines[n]).TrimEnd();
            if (raw.Trim().Length == 0 || raw.Trim() == "---") continue;
            bool indented = raw[0] == ' ' || raw[0] == '\t';
            string line = raw.Trim();
            if (indented || line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                if (openKey is null) throw new DatasetFormatException(path, $"line {n + 1}: unexpected indented line '{line}'");
                if (line.StartsWith('-'))
                {
                    if (result[openKey] is not List<string> list)
                    {
                        if (result[openKey] is List<KeyValuePair<string, string>> { Count: > 0 })
                            throw new DatasetFormatException(path, $"line {n + 1}: '{openKey}' mixes list and map entries");
                        result[openKey] = list = [];
                    }
                    list.Add(Unquote(line[1..].Trim()));
                }
                else
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0) throw new DatasetFormatException(path, $"line {n + 1}: expected 'key: value' under '{openKey}'");
                    if (result[openKey] is not List<KeyValuePair<string, string>> map)
                    {
                        if (result[openKey] is List<string> { Count: > 0 })
                            throw new DatasetFormatException(path, $"line {n + 1}: '{openKey}' mixes list and map entries");
                        result[openKey] = map = [];
                    }
                    map.Add(new(Unquote(line[..colon].Trim()), Unquote(line[(colon + 1)..].Trim())));
                }
                continue;
            }
            int c = line.IndexOf(':', StringComparison.Ordinal);
            if (c <= 0) throw new DatasetFormatException(path, $"line {n + 1}: expected 'key: value', found '{line}'");
            string key = Unquote(line[..c].Trim());
            string value = line[(c + 1)..].Trim();
            if (value.Length == 0)
            {
                openKey = key;
                result[key] = new List<string>();
            }
            else
            {
                openKey = null;
                result[key] = value.StartsWith('[') ? ParseFlowList(path, n + 1, value)
                    : value.StartsWith('{') ? ParseFlowMap(path, n + 1, value)
                    : Unquote(value);
            }
        }
        return result;
    }

    private static List<string> ParseFlowList(string path, int line, string value)
    {
        if (!value.EndsWith(']')) throw new DatasetFormatException(path, $"line {line}: unterminated list");
        var items = new List<string>();
        foreach (string part in SplitFlow(value[1..^1]))
            if (part.Trim().Length > 0) items.Add(Unquote(part.Trim()));
        return items;
    }

    private static List<KeyValuePair<string, string>> ParseFlowMap(string path, int line, string value)
    {
        if (!value.EndsWith('}')) throw new DatasetFormatException(path, $"line {line}: unterminated map");
        var items = new List<KeyValuePair<string, string>>();
        foreach (string part in SplitFlow(value[1..^1]))
        {
            if (part.Trim().Length == 0) continue;
            int c = part.IndexOf(':', StringComparison.Ordinal);
            if (c <= 0) throw new DatasetFormatException(path, $"line {line}: expected 'key: value' in '{part.Trim()}'");
            items.Add(new(Unquote(part[..c].Trim()), Unquote(part[(c + 1)..].Trim())));
        }
        return items;
    }

    /// <summary>Splits on commas outside quotes.</summary>
    private static List<string> SplitFlow(string s)
    {
        var parts = new List<string>();
        char quote = '\0';
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (quote != '\0') { if (ch == quote) quote = '\0'; }
            else if (ch is '\'' or '"') quote = ch;
            else if (ch == ',') { parts.Add(s[start..i]); start = i + 1; }
        }
        parts.Add(s[start..]);
        return parts;
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quote != '\0') { if (ch == quote) quote = '\0'; }
            else if (ch is '\'' or '"') quote = ch;
            else if (ch == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && ((s[0] == '\'' && s[^1] == '\'') || (s[0] == '"' && s[^1] == '"')) ? s[1..^1] : s;
}
