namespace ShopifyPS.Sync.Import;

/// <summary>
/// The stored spellings of one code column that a look-up by a code's upper case would not reach, so that the store's
/// index can answer a look-up that ignores case as .NET's OrdinalIgnoreCase does (Business Central's Code fields).
/// A column compared as stored (a binary index) needs every spelling with a lower-case letter; a column compared with
/// SQLite's NOCASE (which folds ASCII letters only) needs those with a lower-case letter beyond ASCII. Codes are
/// upper case in practice, so this holds few or none; it reads the column once, without keeping its rows.
/// </summary>
internal sealed class CodeSpellings
{
    private readonly bool _storeFoldsAscii;
    private readonly Dictionary<string, List<string>> _byUpper = new(StringComparer.Ordinal);

    public CodeSpellings(IEnumerable<string> stored, bool storeFoldsAscii)
    {
        _storeFoldsAscii = storeFoldsAscii;
        foreach (var value in stored) Add(value);
    }

    /// <summary>Number of spellings held.</summary>
    public int Count => _byUpper.Values.Sum(s => s.Count);

    /// <summary>A value the run stored.</summary>
    public void Add(string value)
    {
        if (!value.Any(c => (c > '\x7f' || !_storeFoldsAscii) && char.ToUpperInvariant(c) != c)) return;
        var upper = value.ToUpperInvariant();
        if (!_byUpper.TryGetValue(upper, out var spellings)) _byUpper[upper] = spellings = [];
        if (!spellings.Contains(value, StringComparer.Ordinal)) spellings.Add(value);
    }

    /// <summary>The values to look <paramref name="code"/> up by: its upper case, then the stored spellings the store's
    /// comparison would not match with it.</summary>
    public IEnumerable<string> Of(string code)
    {
        var upper = code.ToUpperInvariant();
        yield return upper;
        if (_byUpper.TryGetValue(upper, out var spellings))
            foreach (var spelling in spellings) yield return spelling;
    }
}
