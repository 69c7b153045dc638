namespace TriVision.Simulation.Dataset;

/// <summary>What a <see cref="DatasetWriter"/> run wrote.</summary>
public sealed class DatasetSummary
{
    internal DatasetSummary(string root, int[] images, long[,] instances)
    {
        Root = root;
        Images = images;
        Instances = instances;
    }

    /// <summary>Absolute path of the dataset folder (holds data.yaml).</summary>
    public string Root { get; }
    public string DataYamlPath => Path.Combine(Root, "data.yaml");

    /// <summary>Images per split, indexed by <see cref="DatasetSplit"/>.</summary>
    public IReadOnlyList<int> Images { get; }

    /// <summary>Labelled instances [split, class].</summary>
    public long[,] Instances { get; }

    public long InstancesOf(DatasetSplit split, int classId) => Instances[(int)split, classId];
}
