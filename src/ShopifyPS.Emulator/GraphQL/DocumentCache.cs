using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// Parsed documents by text. A sync sends the same few documents thousands of times; parsing once
/// saves CPU and the log shares one string per document. The AST is only read after parsing.
/// </summary>
internal static class DocumentCache
{
    private const int Capacity = 2000;
    private static readonly ConcurrentDictionary<string, (string Text, GraphQLDocument Document)> Cache = new(StringComparer.Ordinal);

    public static (string Text, GraphQLDocument Document) Get(string query)
    {
        if (Cache.TryGetValue(query, out var hit)) return hit;
        var entry = (query, GraphQLParser.Parser.Parse(query));
        if (Cache.Count >= Capacity) Cache.Clear();
        Cache[query] = entry;
        return entry;
    }
}
