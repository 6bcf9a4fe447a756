using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ShopifyPS.Shopify;

/// <summary>
/// One GraphQL document from <c>Shopify/Queries/*.graphql</c> (embedded), ready to send: the operation
/// named like the file, with the fragments it spreads appended from <c>&lt;Name&gt;.fragment.graphql</c>.
/// The header comments say what the client needs to know before Shopify has answered:
/// <c># cost: N</c> (the expected requested cost), <c># retry: safe|unsafe</c> (mutations: may a request
/// that might have run be sent again?) and <c># bulk:</c> (the text of a bulk export, never sent alone).
/// </summary>
public sealed partial class QueryDocument
{
    private const string ResourcePrefix = "ShopifyPS.Queries.";
    private const string FragmentSuffix = ".fragment.graphql";
    private const string DocumentSuffix = ".graphql";

    private static readonly Assembly Resources = typeof(QueryDocument).Assembly;
    private static readonly ConcurrentDictionary<string, QueryDocument> Loaded = new(StringComparer.Ordinal);

    private QueryDocument(string name, string text, int expectedCost, bool isMutation, bool retrySafe, bool isBulkQuery)
    {
        Name = name;
        Text = text;
        ExpectedCost = expectedCost;
        IsMutation = isMutation;
        RetrySafe = retrySafe;
        IsBulkQuery = isBulkQuery;
    }

    /// <summary>The file name without extension; also the operation name sent as <c>operationName</c>.</summary>
    public string Name { get; }

    /// <summary>The operation and the fragments it uses, without the header comments.</summary>
    public string Text { get; }

    /// <summary>The requested cost to reserve before Shopify has reported one for this document.</summary>
    public int ExpectedCost { get; }

    public bool IsMutation { get; }

    /// <summary>True when sending the document again after an unknown outcome cannot do harm (every query; mutations by their header).</summary>
    public bool RetrySafe { get; }

    /// <summary>True for mutations that change the shop. Starting a bulk export is a mutation in name only, and a
    /// staged upload target changes nothing until a later mutation uses it.</summary>
    public bool ChangesShop => IsMutation && Name is not ("BulkOperationRunQuery" or "StagedUploadsCreate");

    /// <summary>The query text of a bulk export (see <see cref="BulkQueryRunner"/>).</summary>
    public bool IsBulkQuery { get; }

    /// <summary>Every embedded document name (fragments excluded).</summary>
    public static IReadOnlyList<string> Names { get; } = Resources.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && !n.EndsWith(FragmentSuffix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^DocumentSuffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The document named <paramref name="name"/> (the file name without <c>.graphql</c>).</summary>
    public static QueryDocument Get(string name) => Loaded.GetOrAdd(name, Load);

    public override string ToString() => Name;

    private static QueryDocument Load(string name)
    {
        var source = ReadResource(name + DocumentSuffix)
            ?? throw new ArgumentException($"There is no query document '{name}'. Known documents: {string.Join(", ", Names)}.", nameof(name));
        var header = Header(source);
        var body = new StringBuilder(WithoutHeader(source));
        var included = new HashSet<string>(StringComparer.Ordinal);
        AppendFragments(body.ToString(), body, included);

        var isMutation = Regex.IsMatch(source, @"^\s*mutation\b", RegexOptions.Multiline);
        var isBulk = header.ContainsKey("bulk");
        if (!isBulk && !header.ContainsKey("cost"))
            throw new InvalidOperationException($"Query document '{name}' has no '# cost: N' header.");
        if (isMutation && !header.ContainsKey("retry"))
            throw new InvalidOperationException($"Mutation document '{name}' has no '# retry: safe|unsafe' header.");
        var cost = isBulk ? 0 : int.Parse(FirstWord(header["cost"]), System.Globalization.CultureInfo.InvariantCulture);
        var retrySafe = !isMutation || FirstWord(header["retry"]) == "safe";
        return new QueryDocument(name, body.ToString().Trim() + "\n", cost, isMutation, retrySafe, isBulk);
    }

    private static void AppendFragments(string text, StringBuilder body, HashSet<string> included)
    {
        foreach (Match spread in FragmentSpread().Matches(text))
        {
            var fragment = spread.Groups[1].Value;
            if (!included.Add(fragment)) continue;
            var fragmentText = ReadResource(fragment + FragmentSuffix)
                ?? throw new InvalidOperationException($"Fragment '{fragment}' is used but there is no {fragment}{FragmentSuffix}.");
            var withoutHeader = WithoutHeader(fragmentText);
            body.Append('\n').Append(withoutHeader);
            AppendFragments(withoutHeader, body, included);
        }
    }

    private static string? ReadResource(string file)
    {
        using var stream = Resources.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The leading <c># key: value</c> comment lines.</summary>
    private static Dictionary<string, string> Header(string source)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in source.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.StartsWith('#')))
        {
            var match = HeaderLine().Match(line);
            if (match.Success) header.TryAdd(match.Groups[1].Value, match.Groups[2].Value.Trim());
        }
        return header;
    }

    private static string WithoutHeader(string source) =>
        string.Join('\n', source.Split('\n').SkipWhile(l => l.TrimStart().StartsWith('#')));

    private static string FirstWord(string value) => value.Split(' ', '.', ',')[0];

    [GeneratedRegex(@"\.\.\.\s*(?!on\b)([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex FragmentSpread();

    [GeneratedRegex(@"^#\s*([a-z]+):\s*(.*)$")]
    private static partial Regex HeaderLine();
}
