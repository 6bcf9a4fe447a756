using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>
/// Business Central filter syntax over ERP location codes (Business Central's "Location Filter").
/// Each case lists which codes of one fixed set the filter matches, in the set's order.
/// </summary>
public sealed class LocationFilterTests
{
    private static readonly string[] Codes =
        ["", "A B", "A|B", "BLUE", "EAST", "GREEN", "MAIN", "O'HARE", "OUT.LET", "Outlet2", "RED", "WEST", "WH-01", "WH-02", "WH-10"];

    private static string Matched(string filter)
    {
        var parsed = LocationFilter.Parse(filter);
        return string.Join(",", Codes.Where(parsed.Matches).Select(c => c.Length == 0 ? "''" : c));
    }

    [Theory]
    // empty filter: every location (BC: an empty Location Filter means all locations)
    [InlineData("", "'',A B,A|B,BLUE,EAST,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    [InlineData("   ", "'',A B,A|B,BLUE,EAST,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    // plain codes; Code values ignore case
    [InlineData("EAST", "EAST")]
    [InlineData("east", "EAST")]
    [InlineData("OUTLET2", "Outlet2")]
    [InlineData("NORTH", "")]
    [InlineData("OUT.LET", "OUT.LET")]
    [InlineData("A B", "A B")]
    // | (or), with BC's whitespace rules: spaces around operators do not count
    [InlineData("EAST|WEST", "EAST,WEST")]
    [InlineData(" EAST | WEST ", "EAST,WEST")]
    [InlineData("EAST|WEST|MAIN", "EAST,MAIN,WEST")]
    // .. ranges (a string range A..C holds codes starting with A or B and exactly C)
    [InlineData("B..G", "BLUE,EAST")]
    [InlineData("WH-01..WH-02", "WH-01,WH-02")]
    [InlineData("..BLUE", "'',A B,A|B,BLUE")]
    [InlineData("WH-02..", "WH-02,WH-10")]
    [InlineData("WH-02 .. WH-10", "WH-02,WH-10")]
    [InlineData("red..", "RED,WEST,WH-01,WH-02,WH-10")]
    // * and ? wildcards
    [InlineData("WH*", "WH-01,WH-02,WH-10")]
    [InlineData("*ST", "EAST,WEST")]
    [InlineData("?EST", "WEST")]
    [InlineData("WH-0?", "WH-01,WH-02")]
    [InlineData("*E*", "BLUE,EAST,GREEN,O'HARE,OUT.LET,Outlet2,RED,WEST")]
    [InlineData("*", "'',A B,A|B,BLUE,EAST,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    // <> and the comparisons
    [InlineData("<>EAST", "'',A B,A|B,BLUE,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    [InlineData("<>WH*", "'',A B,A|B,BLUE,EAST,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST")]
    [InlineData("=MAIN", "MAIN")]
    [InlineData("<BLUE", "'',A B,A|B")]
    [InlineData("<=BLUE", "'',A B,A|B,BLUE")]
    [InlineData(">WH-02", "WH-10")]
    [InlineData(">=WH-02", "WH-02,WH-10")]
    // '' (blank)
    [InlineData("''", "''")]
    [InlineData("''|EAST", "'',EAST")]
    [InlineData("<>''", "A B,A|B,BLUE,EAST,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    [InlineData("EAST|'' ", "'',EAST")]
    // @ (case-insensitive): accepted; Code values match without case anyway
    [InlineData("@east", "EAST")]
    [InlineData("@wh*", "WH-01,WH-02,WH-10")]
    [InlineData("<>@east", "'',A B,A|B,BLUE,GREEN,MAIN,O'HARE,OUT.LET,Outlet2,RED,WEST,WH-01,WH-02,WH-10")]
    // & (and), its precedence over |, and parentheses
    [InlineData("WH*&<>WH-10", "WH-01,WH-02")]
    [InlineData(">=B & <=E", "BLUE")]
    [InlineData("EAST|WEST&MAIN", "EAST")]
    [InlineData("(EAST|WEST)&MAIN", "")]
    [InlineData("(EAST|WEST)&<>WEST", "EAST")]
    [InlineData("( WH* | *ST ) & <>WH-10", "EAST,WEST,WH-01,WH-02")]
    // quotes make operator characters part of the code
    [InlineData("'A|B'", "A|B")]
    [InlineData("'A B'|BLUE", "A B,BLUE")]
    [InlineData("'O''HARE'", "O'HARE")]
    [InlineData("'WH*'", "")]
    [InlineData("'WH'*", "WH-01,WH-02,WH-10")]
    public void Filter_matches(string filter, string expected) => Assert.Equal(expected, Matched(filter));

    [Theory]
    [InlineData("EAST|", 6, "a location code")]
    [InlineData("|EAST", 1, "a location code")]
    [InlineData("EAST||WEST", 6, "a location code")]
    [InlineData("EAST&", 6, "a location code")]
    [InlineData("(EAST|WEST", 11, "')'")]
    [InlineData("()", 2, "a location code")]
    [InlineData("EAST)", 5, "'|', '&' or the end of the filter")]
    [InlineData("EAST(WEST)", 5, "'|', '&' or the end of the filter")]
    [InlineData("<>", 3, "after '<>'")]
    [InlineData(">= |EAST", 4, "after '>='")]
    [InlineData("=", 2, "after '='")]
    [InlineData("..", 3, "after '..'")]
    [InlineData("A..B..C", 5, "'|', '&' or the end of the filter")]
    [InlineData("WH*..WH-10", 3, "a plain code in a range, not '*'")]
    [InlineData("A..W?", 5, "a plain code in a range, not '?'")]
    [InlineData("<WH*", 4, "a plain code in a comparison")]
    [InlineData("'EAST", 6, "a closing ' for the quote opened at column 1")]
    [InlineData("EAST|'WE''ST", 13, "a closing ' for the quote opened at column 6")]
    public void Invalid_filter_names_the_column_and_what_was_expected(string filter, int column, string expected)
    {
        var error = Assert.Throws<LocationFilterException>(() => LocationFilter.Parse(filter));

        Assert.Equal((filter, column), (error.Filter, error.Column));
        Assert.Contains(expected, error.Expected);
        Assert.Contains($"column {column}", error.Message);
    }

    [Fact]
    public void Parsed_filter_keeps_its_text()
    {
        Assert.Equal("EAST|WEST", LocationFilter.Parse("EAST|WEST").ToString());
        Assert.Same(LocationFilter.All, LocationFilter.Parse(null));
    }

    [Fact]
    public void Deep_parentheses_are_refused_at_the_column_that_goes_too_deep()
    {
        var error = Assert.Throws<LocationFilterException>(() => LocationFilter.Parse(new string('(', 40_000) + "EAST" + new string(')', 40_000)));
        Assert.Equal(LocationFilterParser.MaxDepth + 1, error.Column);
        Assert.True(error.Message.Length < 300);
    }
}
