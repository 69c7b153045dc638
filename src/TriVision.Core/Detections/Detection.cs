namespace TriVision.Core.Detections;

/// <summary>One detected object in one frame, box in source-frame pixels.</summary>
public readonly record struct Detection(BoxF Box, float Score, int ClassId);
