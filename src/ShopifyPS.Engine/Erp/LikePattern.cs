using System.Text;

namespace ShopifyPS.Erp;

/// <summary>Turns a PowerShell-style wildcard (<c>*</c>, <c>?</c>, <c>`</c> to escape) into a SQL LIKE pattern
/// with <c>\</c> as its escape character.</summary>
internal static class LikePattern
{
    public static string FromWildcard(string wildcard)
    {
        var like = new StringBuilder(wildcard.Length + 4);
        for (var i = 0; i < wildcard.Length; i++)
        {
            var c = wildcard[i];
            if (c == '`' && i + 1 < wildcard.Length) Literal(like, wildcard[++i]);
            else if (c == '*') like.Append('%');
            else if (c == '?') like.Append('_');
            else Literal(like, c);
        }
        return like.ToString();
    }

    private static void Literal(StringBuilder like, char c)
    {
        if (c is '%' or '_' or '\\') like.Append('\\');
        like.Append(c);
    }
}
