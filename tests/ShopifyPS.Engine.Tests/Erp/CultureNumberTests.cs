using System.Globalization;
using ShopifyPS.Erp;

namespace ShopifyPS.Tests.Erp;

public sealed class CultureNumberTests
{
    [Theory]
    [InlineData("nb-NO", "0,62", "0.62")]
    [InlineData("nb-NO", "12,50", "12.5")]
    [InlineData("nb-NO", "12.50", "12.5")]
    [InlineData("nb-NO", "-3", "-3")]
    [InlineData("en-US", "0.62", "0.62")]
    [InlineData("de-DE", "12,50", "12.5")]
    [InlineData("", "2999", "2999")]
    public void Reads_numbers_as_they_are_written_in_the_culture(string culture, string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), CultureNumber.Parse(text, CultureInfo.GetCultureInfo(culture), out _));
    }

    [Theory]
    [InlineData("en-US", "12,50")]
    [InlineData("de-DE", "12.50")]
    [InlineData("en-US", "1,234.50")]
    [InlineData("nb-NO", "abc")]
    public void Refuses_text_that_could_mean_two_amounts(string culture, string text)
    {
        Assert.Null(CultureNumber.Parse(text, CultureInfo.GetCultureInfo(culture), out var problem));
        Assert.Contains(text, problem);
    }
}
