namespace TriVision.Inference.Decoding;

/// <summary>Detection output tensor layouts the decoder understands.</summary>
public enum OutputLayout
{
    /// <summary>Ultralytics YOLOv8 / v11: [1, 4+nc, N], rows cx, cy, w, h, then one score per class; no objectness.</summary>
    YoloV8,

    /// <summary>YOLOv5 (and v7): [1, N, 5+nc], per candidate cx, cy, w, h, objectness, then class scores.</summary>
    YoloV5,

    /// <summary>End-to-end models with NMS inside (YOLOv10, YOLO26, NMS exports): [1, N, 6] = x1, y1, x2, y2, score, class.</summary>
    EndToEnd,
}
