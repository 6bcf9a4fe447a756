using System.Text;
using System.Text.RegularExpressions;

namespace ShopifyPS.Profiles;

/// <summary>
/// Recursive descent over Business Central filter syntax, producing a predicate over normalized codes.
/// <code>
/// filter := or END
/// or     := and ('|' and)*
/// and    := unary ('&amp;' unary)*
/// unary  := '(' or ')' | term
/// term   := '@'? ( ('&lt;&gt;' | '&lt;=' | '&gt;=' | '&lt;' | '&gt;' | '=') '@'? value | '..' value | value ('..' value?)? )
/// value  := characters up to an operator; '…' quotes (with '' for a quote); '' alone is the blank code
/// </code>
/// Whitespace around operators and at both ends of a value is ignored; inside a value it is kept.
/// </summary>
internal sealed class LocationFilterParser(string text)
{
    private const string ValueExpected = "a location code, a pattern with * or ?, or '' (blank)";
    private const string OperatorChars = "|&()<>=";

    /// <summary>Far more than a filter needs; the bound keeps a hostile filter (40,000 '(') from overflowing the stack.</summary>
    public const int MaxDepth = 32;

    private int _pos;
    private int _depth;

    /// <summary>Codes compare as BC Code values: upper case, no surrounding spaces.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public Func<string, bool> ParseFilter()
    {
        var filter = ParseOr();
        SkipSpaces();
        if (!AtEnd) throw Error("'|', '&' or the end of the filter");
        return filter;
    }

    private Func<string, bool> ParseOr()
    {
        var parts = new List<Func<string, bool>> { ParseAnd() };
        while (Accept("|")) parts.Add(ParseAnd());
        return parts.Count == 1 ? parts[0] : code => parts.Any(p => p(code));
    }

    // '&' binds tighter than '|', as AND over OR in boolean algebra.
    private Func<string, bool> ParseAnd()
    {
        var parts = new List<Func<string, bool>> { ParseUnary() };
        while (Accept("&")) parts.Add(ParseUnary());
        return parts.Count == 1 ? parts[0] : code => parts.All(p => p(code));
    }

    private Func<string, bool> ParseUnary()
    {
        if (!Accept("(")) return ParseTerm();
        if (++_depth > MaxDepth)
        {
            _pos--;
            throw Error($"at most {MaxDepth} parentheses inside each other, not another '('");
        }
        var inner = ParseOr();
        if (!Accept(")")) throw Error("')' to close the '(' or '|' or '&'");
        _depth--;
        return inner;
    }

    private Func<string, bool> ParseTerm()
    {
        Accept("@"); // codes are matched without case already (class comment)
        foreach (var op in new[] { "<>", "<=", ">=", "<", ">", "=" })
        {
            if (!Accept(op)) continue;
            Accept("@");
            var operand = ReadValue() ?? throw Error($"{ValueExpected} after '{op}'");
            if (op is "<>" or "=")
            {
                var equals = operand.Matcher();
                return op == "=" ? equals : code => !equals(code);
            }
            var bound = operand.Literal("a comparison");
            return op switch
            {
                "<" => code => Compare(code, bound) < 0,
                "<=" => code => Compare(code, bound) <= 0,
                ">" => code => Compare(code, bound) > 0,
                _ => code => Compare(code, bound) >= 0,
            };
        }

        if (Accept(".."))
        {
            var upper = (ReadValue() ?? throw Error($"{ValueExpected} after '..'")).Literal("a range");
            return code => Compare(code, upper) <= 0;
        }

        var value = ReadValue() ?? throw Error(ValueExpected);
        if (!Accept("..")) return value.Matcher();
        var lower = value.Literal("a range");
        var to = ReadValue()?.Literal("a range");
        return to is null ? code => Compare(code, lower) >= 0 : code => Compare(code, lower) >= 0 && Compare(code, to) <= 0;
    }

    // Ordinal on upper-case codes: the order of Code fields in Business Central's SQL tables for plain codes.
    private static int Compare(string code, string bound) => string.CompareOrdinal(code, bound);

    /// <summary>One value; null when there is none before the next operator or the end.</summary>
    private FilterValue? ReadValue()
    {
        SkipSpaces();
        var chars = new List<ValueChar>();
        var quoted = false;
        while (!AtEnd && !OperatorChars.Contains(text[_pos]) && !LooksAt(".."))
        {
            if (text[_pos] == '\'')
            {
                ReadQuoted(chars);
                quoted = true;
            }
            else
            {
                chars.Add(new ValueChar(text[_pos], false, _pos));
                _pos++;
            }
        }
        // Unquoted spaces at the end belong to the syntax, not to the code (leading ones were skipped).
        while (chars.Count > 0 && chars[^1] is { Quoted: false } last && char.IsWhiteSpace(last.Char)) chars.RemoveAt(chars.Count - 1);
        return chars.Count == 0 && !quoted ? null : new FilterValue(text, chars);
    }

    private void ReadQuoted(List<ValueChar> chars)
    {
        var open = _pos++;
        while (true)
        {
            if (AtEnd) throw Error($"a closing ' for the quote opened at column {open + 1}");
            if (text[_pos] == '\'')
            {
                if (!LooksAt("''")) { _pos++; return; }
                chars.Add(new ValueChar('\'', true, _pos));
                _pos += 2;
                continue;
            }
            chars.Add(new ValueChar(text[_pos], true, _pos));
            _pos++;
        }
    }

    private readonly record struct ValueChar(char Char, bool Quoted, int Pos)
    {
        public bool IsWildcard => !Quoted && Char is '*' or '?';
    }

    private sealed class FilterValue(string filter, List<ValueChar> chars)
    {
        private string Text => Normalize(new string(chars.Select(c => c.Char).ToArray()));

        /// <summary>The value as a plain code, for ranges and comparisons, where wildcards mean nothing.</summary>
        public string Literal(string context)
        {
            if (chars.FirstOrDefault(c => c.IsWildcard) is { IsWildcard: true } wildcard)
                throw new LocationFilterException(filter, wildcard.Pos + 1,
                    $"a plain code in {context}, not '{wildcard.Char}' (quote it to use it as a character)");
            return Text;
        }

        public Func<string, bool> Matcher()
        {
            if (!chars.Any(c => c.IsWildcard))
            {
                var literal = Text;
                return code => code == literal;
            }
            var pattern = new StringBuilder("^");
            foreach (var c in chars)
                pattern.Append(!c.IsWildcard ? Regex.Escape(char.ToUpperInvariant(c.Char).ToString()) : c.Char == '*' ? ".*" : ".");
            var regex = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
            return regex.IsMatch;
        }
    }

    private bool AtEnd => _pos >= text.Length;

    private bool LooksAt(string token) => string.CompareOrdinal(text, _pos, token, 0, token.Length) == 0;

    private bool Accept(string token)
    {
        SkipSpaces();
        if (!LooksAt(token)) return false;
        _pos += token.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private LocationFilterException Error(string expected) => new(text, _pos + 1, expected);
}
