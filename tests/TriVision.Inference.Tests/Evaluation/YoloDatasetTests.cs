using TriVision.Inference.Evaluation;

namespace TriVision.Inference.Tests.Evaluation;

public sealed class YoloDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tv_yolo_").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string text)
    {
        string p = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
    }

    [Fact]
    public void ReadsAnUltralyticsStyleDataset()
    {
        Write("data.yaml", """
            # written by trivision dataset
            path: .
            train: images/train
            val: images/val   # a comment after a value
            test: 'images/test'
            names:
              0: gas_cylinder
              1: battery
              2: "power_bank"
            """);
        Write("images/val/b.jpg", "");
        Write("images/val/a.png", "");
        Write("images/val/notes.md", "");
        Write("labels/val/a.txt", "1 0.5 0.5 0.2 0.1\n\n0 0.25 0.75 0.1 0.1 0.9 0.9\n");

        var ds = YoloDataset.Load(_dir);
        Assert.Equal(["gas_cylinder", "battery", "power_bank"], ds.Names);
        Assert.Equal(Path.GetFullPath(_dir), ds.Root);
        Assert.Equal(["train", "val", "test"], ds.Splits.Keys.ToArray());
        var images = ds.GetImages("val");
        Assert.Equal(2, images.Count);
        Assert.EndsWith(Path.Combine("images", "val", "a.png"), images[0].ImagePath);
        Assert.Equal(Path.Combine(_dir, "labels", "val", "a.txt"), images[0].LabelPath);

        var labels = ds.ReadLabels(images[0]);
        Assert.Equal(2, labels.Length);
        Assert.Equal(new YoloLabel(1, 0.5f, 0.5f, 0.2f, 0.1f), labels[0]);
        // 0.2 x 0.1 of a 1000 x 500 image centred at (500, 250): x 400..600, y 225..275
        var px = labels[0].ToPixels(1000, 500);
        Assert.Equal(1, px.ClassId);
        Assert.Equal(400f, px.Box.X1, 3);
        Assert.Equal(275f, px.Box.Y2, 3);
        // an image without a label file is a background image
        Assert.Empty(ds.ReadLabels(images[1]));
    }

    [Fact]
    public void ReadsListNamesAndTxtSplits()
    {
        Write("sub/data.yaml", "path: ..\ntrain: train.txt\nval: [train.txt]\nnames: ['a', b, \"c, d\"]\nnc: 3\n");
        Write("train.txt", "images/x.jpg\nimages/y.jpg\n");
        var ds = YoloDataset.Load(Path.Combine(_dir, "sub", "data.yaml"));
        Assert.Equal(["a", "b", "c, d"], ds.Names);
        var imgs = ds.GetImages("train");
        Assert.Equal(Path.Combine(_dir, "images", "x.jpg"), imgs[0].ImagePath);
        Assert.Equal(Path.Combine(_dir, "labels", "y.txt"), imgs[1].LabelPath);
        Assert.Single(ds.Splits["val"]);
    }

    [Fact]
    public void ReadsBlockListNames()
    {
        Write("data.yaml", "train: images\nnames:\n  - gas_cylinder\n  - battery\n");
        Assert.Equal(["gas_cylinder", "battery"], YoloDataset.Load(_dir).Names);
    }

    [Fact]
    public void BadFilesAreReportedWithFileAndLine()
    {
        Write("data.yaml", "train: images\nnames: {0: a, 2: b}\n");
        var e = Assert.Throws<DatasetFormatException>(() => YoloDataset.Load(_dir));
        Assert.Contains("class index 1 is missing", e.Message);

        Write("data.yaml", "train: images\nnames: [a]\nnc: 2\n");
        Assert.Contains("nc is 2", Assert.Throws<DatasetFormatException>(() => YoloDataset.Load(_dir)).Message);

        Write("data.yaml", "names: [a]\n");
        Assert.Contains("no train, val or test", Assert.Throws<DatasetFormatException>(() => YoloDataset.Load(_dir)).Message);

        Write("labels/bad.txt", "0 0.5 0.5 0.1 0.1\n3 0.5 0.5 0.1 0.1\n");
        var le = Assert.Throws<DatasetFormatException>(() => YoloLabelFile.Read(Path.Combine(_dir, "labels", "bad.txt"), 2));
        Assert.Contains("line 2", le.Message);
        Assert.Contains("bad.txt", le.Message);

        Write("labels/short.txt", "0 0.5 0.5\n");
        Assert.Contains("line 1", Assert.Throws<DatasetFormatException>(() => YoloLabelFile.Read(Path.Combine(_dir, "labels", "short.txt"), 2)).Message);

        Assert.Throws<DatasetFormatException>(() => YoloDataset.Load(Path.Combine(_dir, "nope.yaml")));
        Write("data.yaml", "train: images\nnames: [a]\n");
        Assert.Contains("split 'test'", Assert.Throws<DatasetFormatException>(() => YoloDataset.Load(_dir).GetImages("test")).Message);
    }

    [Fact]
    public void LabelPathFollowsTheLastImagesFolder()
    {
        string img = Path.Combine("/data", "images", "set", "images", "train", "f.jpeg");
        Assert.Equal(Path.Combine("/data", "images", "set", "labels", "train", "f.txt"), YoloImage.LabelPathFor(img));
    }
}
