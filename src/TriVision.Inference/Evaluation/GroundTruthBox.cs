using TriVision.Core.Detections;

namespace TriVision.Inference.Evaluation;

/// <summary>One labelled object of one image: its box (same pixel space as the predictions) and class.</summary>
public readonly record struct GroundTruthBox(BoxF Box, int ClassId);
