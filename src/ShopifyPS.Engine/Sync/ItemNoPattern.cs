using System.Text;
using System.Text.RegularExpressions;

namespace ShopifyPS.Sync;

/// <summary>An item no. filter with PowerShell's wildcards (<c>*</c>, <c>?</c>, <c>`</c> escapes), ignoring case.</summary>
public sealed class ItemNoPattern
{
    private readonly Regex _regex;

    public ItemNoPattern(string wildcard)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < wildcard.Length; i++)
        {
            var c = wildcard[i];
            if (c == '`' && i + 1 < wildcard.Length) pattern.Append(Regex.Escape(wildcard[++i].ToString()));
            else if (c == '*') pattern.Append(".*");
            else if (c == '?') pattern.Append('.');
            else pattern.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public bool IsMatch(string itemNo) => _regex.IsMatch(itemNo);

    /// <summary>True when any of <paramref name="patterns"/> matches (or there are none).</summary>
    public static bool AnyMatch(IReadOnlyList<ItemNoPattern> patterns, string itemNo) => patterns.Count == 0 || patterns.Any(p => p.IsMatch(itemNo));

    public static bool HasWildcards(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '`') i++;
            else if (value[i] is '*' or '?') return true;
        }
        return false;
    }
}
