using System.Globalization;

namespace TriVision.Inference.Evaluation;

/// <summary>Reads YOLO label files ("class cx cy w h" per line, normalised), as CVAT, Label Studio and Ultralytics write them.</summary>
public static class YoloLabelFile
{
    /// <summary>
    /// Reads the labels of one image. A missing file means an image with no objects (the YOLO convention
    /// for background images); a malformed line or a class outside 0..classCount-1 is an error naming file and line.
    /// Extra columns (segmentation polygons, keypoints) are ignored except for the first four numbers.
    /// </summary>
    public static YoloLabel[] Read(string path, int classCount)
    {
        if (!File.Exists(path)) return [];
        var labels = new List<YoloLabel>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            var label = ParseLine(line, classCount, path, lineNumber);
            if (label is { } l) labels.Add(l);
        }
        return labels.ToArray();
    }

    /// <summary>Parses one line; null for a blank line.</summary>
    public static YoloLabel? ParseLine(string line, int classCount, string path, int lineNumber)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        if (parts.Length < 5)
            throw new DatasetFormatException(path, $"line {lineNumber}: expected 'class cx cy w h', found '{line.Trim()}'");
        var v = new float[5];
        for (int i = 0; i < 5; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !float.IsFinite(v[i]))
                throw new DatasetFormatException(path, $"line {lineNumber}: '{parts[i]}' is not a number");
        }
        int classId = (int)v[0];
        if (classId != v[0] || classId < 0 || classId >= classCount)
            throw new DatasetFormatException(path, $"line {lineNumber}: class '{parts[0]}' is not an integer in 0..{classCount - 1}");
        return new YoloLabel(classId, v[1], v[2], v[3], v[4]);
    }
}
