using KerjaSama.Modularity.Csv;

namespace KerjaSama.Registry.Tests;

// The CSV library (Sep, through CsvFile) keeps the behaviour the hand-written reader had.
public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var rows = CsvFile.Read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n");

        Assert.Equal(2 + 1, rows.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], rows[1].Fields);
        Assert.Equal(["last", "", ""], rows[2].Fields);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_including_breaks_inside_quotes()
    {
        var rows = CsvFile.Read("h1,h2\n\"a\r\nb\",1\n\nc,2");

        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
        Assert.Equal(["c", "2"], rows[2].Fields);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r1,2")]
    [InlineData("\uFEFFa,b\n1,2")]
    public void Crlf_lf_cr_and_a_byte_order_mark_read_the_same(string text)
    {
        var rows = CsvFile.Read(text);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b"], rows[0].Fields);
        Assert.Equal(["1", "2"], rows[1].Fields);
    }

    [Fact]
    public void A_quoted_empty_field_is_a_field()
    {
        var rows = CsvFile.Read("\"\"\n\"\",\"\"");

        Assert.Equal([""], rows[0].Fields);
        Assert.Equal(["", ""], rows[1].Fields);
    }

    [Fact]
    public void Writer_output_reads_back_to_the_same_fields()
    {
        string?[] fields = ["plain", "with, comma", "with \"quote\"", "multi\r\nline", null];

        var text = CsvFile.Write([["a", "b", "c", "d", "e"], fields]);

        Assert.Equal(["plain", "with, comma", "with \"quote\"", "multi\r\nline", ""], CsvFile.Read(text)[1].Fields);
    }
}
