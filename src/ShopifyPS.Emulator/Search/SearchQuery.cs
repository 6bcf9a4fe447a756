using System.Globalization;
using System.Text;

namespace ShopifyPS.Emulator.Search;

internal enum FieldKind { Text, Date, Number, Boolean }

/// <summary>What a searchable resource exposes to the query language.</summary>
internal interface ISearchFields<T>
{
    FieldKind Kind(string field);

    /// <summary>The values of a field on one item (a product has many SKUs and tags). Null values are skipped.</summary>
    IEnumerable<string?> Values(T item, string field);

    /// <summary>Index lookup for an exact term, or null when the field is not indexed.</summary>
    IEnumerable<T>? Candidates(string field, string value);

    /// <summary>A bare word (no field) matches when this returns true.</summary>
    bool MatchesDefault(T item, string word);
}

/// <summary>
/// Shopify's search syntax (shopify.dev "search syntax"), the subset a sync needs: field:value,
/// field:&gt;value / &gt;= / &lt; / &lt;=, quoted values, value* prefixes, AND, OR, NOT, -term, parentheses and
/// implicit AND between terms.
/// </summary>
internal abstract record SearchQuery
{
    public sealed record Term(string? Field, string Op, string Value) : SearchQuery;
    public sealed record And(IReadOnlyList<SearchQuery> Parts) : SearchQuery;
    public sealed record Or(IReadOnlyList<SearchQuery> Parts) : SearchQuery;
    public sealed record Not(SearchQuery Inner) : SearchQuery;

    public static SearchQuery? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new Parser(Tokenize(text)).ParseAll();

    /// <summary>Filters with the query, starting from index candidates when the query allows it.</summary>
    public static IEnumerable<T> Filter<T>(SearchQuery? query, IEnumerable<T> all, ISearchFields<T> fields)
    {
        if (query == null) return all;
        var candidates = query.CandidatesOf(fields);
        return (candidates ?? all).Where(item => query.Matches(item, fields));
    }

    private IEnumerable<T>? CandidatesOf<T>(ISearchFields<T> fields) => this switch
    {
        Term { Field: not null, Op: ":" } t when !t.Value.EndsWith('*') => fields.Candidates(t.Field, t.Value),
        And a => a.Parts.Select(p => p.CandidatesOf(fields)).Where(c => c != null).Select(c => c!.ToList()).OrderBy(c => c.Count).FirstOrDefault(),
        Or o => o.Parts.Select(p => p.CandidatesOf(fields)).ToList() is var parts && parts.All(p => p != null)
            ? parts.SelectMany(p => p!).Distinct()
            : null,
        _ => null,
    };

    public bool Matches<T>(T item, ISearchFields<T> fields) => this switch
    {
        And a => a.Parts.All(p => p.Matches(item, fields)),
        Or o => o.Parts.Any(p => p.Matches(item, fields)),
        Not n => !n.Inner.Matches(item, fields),
        Term { Field: null } t => fields.MatchesDefault(item, t.Value),
        Term t => fields.Values(item, t.Field!).Any(v => v != null && Compare(fields.Kind(t.Field!), v, t.Op, t.Value)),
        _ => false,
    };

    private static bool Compare(FieldKind kind, string actual, string op, string wanted)
    {
        int? cmp = kind switch
        {
            FieldKind.Date => TryDate(wanted, out var w) && TryDate(actual, out var a) ? a.CompareTo(w) : null,
            FieldKind.Number => decimal.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var wn)
                && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var an) ? an.CompareTo(wn) : null,
            _ => null,
        };
        if (op == ":")
        {
            if (cmp != null) return cmp == 0;
            if (wanted.EndsWith('*')) return actual.StartsWith(wanted[..^1], StringComparison.OrdinalIgnoreCase);
            return string.Equals(actual, wanted, StringComparison.OrdinalIgnoreCase);
        }
        cmp ??= string.Compare(actual, wanted, StringComparison.OrdinalIgnoreCase);
        return op switch { ">" => cmp > 0, ">=" => cmp >= 0, "<" => cmp < 0, "<=" => cmp <= 0, _ => false };
    }

    private static bool TryDate(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    // ---- tokenizer and parser ----

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        void Flush() { if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); } }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                // A quoted value stays one token; the quote marker is kept to tell it from AND/OR.
                var end = text.IndexOf(c, i + 1);
                if (end < 0) end = text.Length;
                sb.Append('\u0001').Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (char.IsWhiteSpace(c)) Flush();
            else if ((c == '(' || c == ')') && sb.Length == 0) tokens.Add(c.ToString());
            else if (c == ')') { Flush(); tokens.Add(")"); }
            else sb.Append(c);
        }
        Flush();
        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _pos;

        public SearchQuery? ParseAll()
        {
            var q = ParseOr();
            return q;
        }

        private string? Peek => _pos < tokens.Count ? tokens[_pos] : null;

        private SearchQuery? ParseOr()
        {
            var parts = new List<SearchQuery>();
            var first = ParseAnd();
            if (first != null) parts.Add(first);
            while (Peek == "OR")
            {
                _pos++;
                var next = ParseAnd();
                if (next != null) parts.Add(next);
            }
            return parts.Count switch { 0 => null, 1 => parts[0], _ => new Or(parts) };
        }

        private SearchQuery? ParseAnd()
        {
            var parts = new List<SearchQuery>();
            while (Peek != null && Peek != "OR" && Peek != ")")
            {
                if (Peek == "AND") { _pos++; continue; }
                var u = ParseUnary();
                if (u != null) parts.Add(u);
            }
            return parts.Count switch { 0 => null, 1 => parts[0], _ => new And(parts) };
        }

        private SearchQuery? ParseUnary()
        {
            var tok = tokens[_pos++];
            if (tok == "NOT") return ParseUnary() is { } inner ? new Not(inner) : null;
            if (tok == "(")
            {
                var inner = ParseOr();
                if (Peek == ")") _pos++;
                return inner;
            }
            if (tok.StartsWith('-') && tok.Length > 1) return new Not(ParseTerm(tok[1..]));
            return ParseTerm(tok);
        }

        private static SearchQuery ParseTerm(string tok)
        {
            var colon = tok.IndexOf(':');
            if (colon <= 0 || tok[0] == '\u0001') return new Term(null, ":", Clean(tok));
            var field = tok[..colon].ToLowerInvariant();
            var rest = tok[(colon + 1)..];
            var op = ":";
            foreach (var candidate in new[] { ">=", "<=", ">", "<" })
            {
                if (rest.StartsWith(candidate, StringComparison.Ordinal)) { op = candidate; rest = rest[candidate.Length..]; break; }
            }
            var quoted = rest.Contains('\u0001');
            // tag_not:x is NOT tag:x; an unquoted a,b list means a OR b (status:ACTIVE,DRAFT).
            if (field == "tag_not") return new Not(new Term("tag", op, Clean(rest)));
            if (op == ":" && !quoted && rest.Contains(','))
                return new Or(rest.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => (SearchQuery)new Term(field, op, v)).ToList());
            return new Term(field, op, Clean(rest));
        }

        private static string Clean(string s) => s.Replace("\u0001", "");
    }
}
