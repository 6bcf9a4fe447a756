using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// Item numbers from a number series (no-series.csv) for items created without a SKU to take the number from (I3):
/// the series' StartingNo first, then LastNoUsed increased as Business Central's IncStr does. Each number taken is
/// written back as LastNoUsed; numbers that already belong to an item are passed over.
/// </summary>
internal sealed class ItemNumbers(IErpStore erp, ErpIndex index)
{
    private readonly Dictionary<string, NoSeries> _series = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets the series read, so the next number is read from the store again (after a rolled-back write).</summary>
    public void Reset() => _series.Clear();

    /// <exception cref="ImportException">The series is not in no-series.csv, or its numbers have no digits to increase.</exception>
    public string Next(string seriesCode, string origin)
    {
        if (!_series.TryGetValue(seriesCode, out var series))
        {
            series = erp.Rows(ErpTables.NoSeries, ("Code", seriesCode)).FirstOrDefault()
                ?? erp.Rows(ErpTables.NoSeries).FirstOrDefault(s => string.Equals(s.Code, seriesCode, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException($"Number series '{seriesCode}' ({origin}) is not in no-series.csv. Add it, or give the products SKUs the item no. can come from.");
            _series[seriesCode] = series;
        }
        string no;
        do
        {
            no = series.LastNoUsed.Length == 0 ? series.StartingNo : Increase(series.LastNoUsed)
                ?? throw new ImportException($"Number series '{series.Code}': last no. used '{series.LastNoUsed}' has no digits to increase. Fix LastNoUsed in no-series.csv.");
            if (no.Length == 0) throw new ImportException($"Number series '{series.Code}' has no StartingNo. Set it in no-series.csv.");
            series.LastNoUsed = no;
        }
        while (index.Item(no) is not null);
        erp.Upsert(ErpTables.NoSeries, series, [ErpTables.NoSeries.Column(nameof(NoSeries.LastNoUsed))!]);
        return no;
    }

    /// <summary>Business Central's IncStr: the last run of digits plus one, keeping its width unless it overflows
    /// (W00009 → W00010, A99 → A100). Null when there are no digits.</summary>
    public static string? Increase(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && !char.IsAsciiDigit(text[end])) end--;
        if (end < 0) return null;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(text[start - 1])) start--;
        var digits = text[start..(end + 1)].ToCharArray();
        var i = digits.Length - 1;
        while (i >= 0 && digits[i] == '9') digits[i--] = '0';
        var increased = i >= 0 ? IncreaseAt(digits, i) : "1" + new string(digits);
        return text[..start] + increased + text[(end + 1)..];
    }

    private static string IncreaseAt(char[] digits, int i)
    {
        digits[i]++;
        return new string(digits);
    }
}
