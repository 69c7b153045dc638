namespace TriVision.Inference.Evaluation;

/// <summary>
/// A YOLO-format dataset described by a data.yaml (Ultralytics, CVAT and Label Studio exports):
/// <c>path</c> (root; relative to the yaml's folder, default that folder), <c>train</c>/<c>val</c>/<c>test</c>
/// (a folder of images, a .txt list of image paths, or a list of either), and <c>names</c>
/// (a list, or a map from class index to name). Label files sit beside the images under <c>labels/</c>.
/// </summary>
public sealed class YoloDataset
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"];

    private YoloDataset(string yamlPath, string root, IReadOnlyList<string> names, IReadOnlyDictionary<string, IReadOnlyList<string>> splits)
    {
        YamlPath = yamlPath;
        Root = root;
        Names = names;
        Splits = splits;
    }

    /// <summary>The data.yaml this dataset was read from.</summary>
    public string YamlPath { get; }

    /// <summary>Absolute dataset root.</summary>
    public string Root { get; }

    /// <summary>Class names by class index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Split name (train, val, test) to its absolute entries (folders or .txt lists).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Splits { get; }

    /// <summary>Reads a data.yaml; a directory argument means its data.yaml.</summary>
    public static YoloDataset Load(string path)
    {
        string yamlPath = Directory.Exists(path) ? System.IO.Path.Combine(path, "data.yaml") : path;
        yamlPath = System.IO.Path.GetFullPath(yamlPath);
        if (!File.Exists(yamlPath)) throw new DatasetFormatException(yamlPath, "file not found (expected a YOLO data.yaml)");
        Dictionary<string, object> root;
        try
        {
            root = DataYamlParser.Parse(yamlPath, File.ReadAllText(yamlPath));
        }
        catch (IOException e)
        {
            throw new DatasetFormatException(yamlPath, $"cannot read: {e.Message}", e);
        }

        string yamlDir = System.IO.Path.GetDirectoryName(yamlPath)!;
        string rootDir = Scalar(root, "path") is { Length: > 0 } p ? System.IO.Path.GetFullPath(p, yamlDir) : yamlDir;
        var names = ReadNames(root, yamlPath);
        if (Scalar(root, "nc") is { } nc && nc != names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new DatasetFormatException(yamlPath, $"nc is {nc} but names lists {names.Count} classes");

        var splits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string split in (string[])["train", "val", "test"])
        {
            if (!root.TryGetValue(split, out var node)) continue;
            var entries = new List<string>();
            if (node is string s && s.Length > 0 && s != "null" && s != "~") entries.Add(System.IO.Path.GetFullPath(s, rootDir));
            else if (node is List<string> seq)
                foreach (string item in seq)
                    if (item.Length > 0) entries.Add(System.IO.Path.GetFullPath(item, rootDir));
            if (entries.Count > 0) splits[split] = entries;
        }
        if (splits.Count == 0) throw new DatasetFormatException(yamlPath, "no train, val or test split given");
        return new YoloDataset(yamlPath, rootDir, names, splits);
    }

    /// <summary>The images of one split with their label paths, sorted by path so runs are reproducible.</summary>
    public IReadOnlyList<YoloImage> GetImages(string split)
    {
        if (!Splits.TryGetValue(split, out var entries))
            throw new DatasetFormatException(YamlPath, $"split '{split}' is not defined (defined: {string.Join(", ", Splits.Keys)})");
        var files = new List<string>();
        foreach (string entry in entries)
        {
            if (Directory.Exists(entry))
            {
                foreach (string f in Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories))
                    if (IsImage(f)) files.Add(f);
            }
            else if (File.Exists(entry) && entry.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                string listDir = System.IO.Path.GetDirectoryName(entry)!;
                foreach (string line in File.ReadLines(entry))
                {
                    string t = line.Trim();
                    if (t.Length > 0) files.Add(System.IO.Path.GetFullPath(t, listDir));
                }
            }
            else
            {
                throw new DatasetFormatException(YamlPath, $"split '{split}': '{entry}' is neither a folder nor a .txt list");
            }
        }
        files.Sort(StringComparer.Ordinal);
        var images = new YoloImage[files.Count];
        for (int i = 0; i < files.Count; i++) images[i] = new YoloImage(files[i], YoloImage.LabelPathFor(files[i]));
        return images;
    }

    /// <summary>The labels of one image of this dataset (normalised; empty when it has no label file).</summary>
    public YoloLabel[] ReadLabels(YoloImage image) => YoloLabelFile.Read(image.LabelPath, Names.Count);

    private static bool IsImage(string file)
    {
        string ext = System.IO.Path.GetExtension(file);
        foreach (string e in ImageExtensions)
            if (string.Equals(ext, e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string? Scalar(Dictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var v) && v is string s && s.Length > 0 && s != "null" && s != "~" ? s : null;

    private static List<string> ReadNames(Dictionary<string, object> root, string yamlPath)
    {
        if (!root.TryGetValue("names", out var node))
            throw new DatasetFormatException(yamlPath, "'names' is missing");
        var names = new List<string>();
        if (node is List<string> seq)
        {
            names.AddRange(seq);
        }
        else if (node is List<KeyValuePair<string, string>> map)
        {
            var byIndex = new SortedDictionary<int, string>();
            foreach (var (k, v) in map)
            {
                if (!int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int idx))
                    throw new DatasetFormatException(yamlPath, $"names: key '{k}' is not a class index");
                if (!byIndex.TryAdd(idx, v)) throw new DatasetFormatException(yamlPath, $"names: class index {idx} appears twice");
            }
            int expected = 0;
            foreach (var (idx, name) in byIndex)
            {
                if (idx != expected) throw new DatasetFormatException(yamlPath, $"names: class index {expected} is missing");
                names.Add(name);
                expected++;
            }
        }
        else
        {
            throw new DatasetFormatException(yamlPath, "'names' must be a list or a map of class index to name");
        }
        if (names.Count == 0) throw new DatasetFormatException(yamlPath, "'names' is empty");
        return names;
    }
}
