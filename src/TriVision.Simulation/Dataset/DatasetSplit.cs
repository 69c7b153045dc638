namespace TriVision.Simulation.Dataset;

public enum DatasetSplit
{
    Train,
    Val,
    Test,
}
