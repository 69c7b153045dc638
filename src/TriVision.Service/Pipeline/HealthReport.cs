namespace TriVision.Service.Pipeline;

/// <summary>What <c>/health</c> answers: healthy, degraded or unhealthy, and why.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<string> Reasons)
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
