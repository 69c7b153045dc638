using TriVision.Inference.Decoding;

namespace TriVision.Inference.Tests.Decoding;

public class ClassNamesTests
{
    [Theory]
    [InlineData("{0: 'person', 1: 'bicycle', 2: 'car'}")]
    [InlineData("{\"0\": \"person\", \"1\": \"bicycle\", \"2\": \"car\"}")]
    [InlineData("['person', 'bicycle', 'car']")]
    [InlineData("[\"person\", \"bicycle\", \"car\",]")]
    [InlineData("  {2: 'car', 0: 'person', 1: 'bicycle'}  ")]
    public void Parses_the_ultralytics_forms(string text)
    {
        var names = ClassNames.FromUltralyticsMetadata(text);
        Assert.Equal(3, names.Count);
        Assert.Equal("person", names[0]);
        Assert.Equal("bicycle", names[1]);
        Assert.Equal("car", names[2]);
        Assert.True(names.TryGetId("Car", out int id));
        Assert.Equal(2, id);
        Assert.False(names.TryGetId("truck", out _));
    }

    [Fact]
    public void Keeps_quotes_and_fills_gaps_in_sparse_dicts()
    {
        var names = ClassNames.FromUltralyticsMetadata("{0: \"li-ion 'battery'\", 3: 'gas cylinder', 1: 'it\\'s'}");
        Assert.Equal(4, names.Count);
        Assert.Equal("li-ion 'battery'", names[0]);
        Assert.Equal("it's", names[1]);
        Assert.Equal("2", names[2]);
        Assert.Equal("gas cylinder", names[3]);
        Assert.Equal("17", names[17]);
    }

    [Theory]
    [InlineData("person, bicycle")]
    [InlineData("{0: 'person'")]
    [InlineData("{0: person}")]
    [InlineData("{0: 'a', 0: 'b'}")]
    public void Malformed_text_gives_a_message_with_the_expected_form(string text)
    {
        var ex = Assert.Throws<FormatException>(() => ClassNames.FromUltralyticsMetadata(text));
        Assert.Contains("{0: 'person', 1: 'bicycle'}", ex.Message);
    }

    [Fact]
    public void Labels_file_skips_blank_and_comment_lines()
    {
        string path = Path.Combine(Path.GetTempPath(), $"trivision-labels-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "# hazards\ngas_cylinder\n\n  lithium_battery  \r\npower_bank\n");
            var names = ClassNames.FromLabelsFile(path);
            Assert.Equal(3, names.Count);
            Assert.Equal("lithium_battery", names[1]);
            Assert.Equal("power_bank", names[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_labels_file_names_the_path()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ClassNames.FromLabelsFile("/nonexistent/labels.txt"));
        Assert.Contains("/nonexistent/labels.txt", ex.Message);
    }

    [Fact]
    public void Numbered_names_are_the_ids()
    {
        var names = ClassNames.Numbered(3);
        Assert.Equal(3, names.Count);
        Assert.Equal("2", names[2]);
        Assert.True(names.TryGetId("1", out int id));
        Assert.Equal(1, id);
    }
}
