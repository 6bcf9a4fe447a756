using System.Text;
using System.Text.Json;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.Graph;

/// <summary>A position in a sorted list: the sort value (text or number) and the id that breaks ties.</summary>
internal readonly record struct SortKey(string? Text, decimal Number, long Id) : IComparable<SortKey>
{
    public int CompareTo(SortKey other)
    {
        var c = string.Compare(Text, other.Text, StringComparison.OrdinalIgnoreCase);
        if (c != 0) return c;
        c = Number.CompareTo(other.Number);
        return c != 0 ? c : Id.CompareTo(other.Id);
    }

    /// <summary>Opaque cursor, shaped like Shopify's (base64 of {"last_id":..,"last_value":..}).</summary>
    public string ToCursor() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new CursorBody(Id, Text, Number)));

    public static SortKey? FromCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var body = JsonSerializer.Deserialize<CursorBody>(Convert.FromBase64String(cursor));
            return body == null ? null : new SortKey(body.last_value, body.last_number, body.last_id);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new GraphFieldException($"Invalid cursor for current pagination sort.", "BAD_REQUEST");
        }
    }

    private sealed record CursorBody(long last_id, string? last_value, decimal last_number);
}

/// <summary>Relay connections (edges/nodes/pageInfo) over an in-memory list, with first/after/last/before/reverse.</summary>
internal static class Paging
{
    public static IGraphObject Connection<T>(IEnumerable<T> items, Args args, ExecContext ctx, Func<T, SortKey> key) where T : class
    {
        var sorted = items.Select(i => (Item: i, Key: key(i))).ToList();
        // Most lists arrive in id order from a SortedDictionary; sorting them again is wasted work.
        if (!IsSorted(sorted)) sorted.Sort((a, b) => a.Key.CompareTo(b.Key));
        if (args.Bool("reverse") == true) sorted.Reverse();
        var descending = args.Bool("reverse") == true;
        var after = SortKey.FromCursor(args.Str("after"));
        var before = SortKey.FromCursor(args.Str("before"));
        int Cmp(SortKey a, SortKey b) => descending ? b.CompareTo(a) : a.CompareTo(b);

        var start = 0;
        var end = sorted.Count;
        if (after is { } a) while (start < end && Cmp(sorted[start].Key, a) <= 0) start++;
        if (before is { } b) while (end > start && Cmp(sorted[end - 1].Key, b) >= 0) end--;
        var first = args.Int("first");
        var last = args.Int("last");
        if (ctx.ResolvingRootField && ctx.RootWindow is { } window)
        {
            if (window.After is { } w) while (start < end && Cmp(sorted[start].Key, w) <= 0) start++;
            first = window.Size;
            window.HasMore = end - start > window.Size;
            if (end > start) window.After = sorted[Math.Min(end, start + window.Size) - 1].Key;
        }
        if (first is { } f && end - start > f) end = start + Math.Max(f, 0);
        if (last is { } l && end - start > l) start = end - Math.Max(l, 0);
        var page = sorted.GetRange(start, end - start);
        return new ConnectionResult(
            page.Select(p => (object)p.Item).ToList(),
            page.Select(p => p.Key).ToList(),
            hasPrevious: start > 0,
            hasNext: end < sorted.Count);
    }

    private static bool IsSorted<T>(List<(T Item, SortKey Key)> list)
    {
        for (var i = 1; i < list.Count; i++)
            if (list[i - 1].Key.CompareTo(list[i].Key) > 0) return false;
        return true;
    }

    /// <summary>Default order: by id.</summary>
    public static SortKey ById(long id) => new(null, 0, id);
}

/// <summary>One page of a connection. Cursors are made as edges are read (a bulk query's page can hold a million).</summary>
internal sealed class ConnectionResult(List<object> nodes, List<SortKey> keys, bool hasPrevious, bool hasNext) : IGraphObject
{
    public string? GraphType => null;

    public IReadOnlyList<object> Nodes => nodes;

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "nodes" => nodes,
        "edges" => nodes.Select((n, i) => new GraphMap(null, ("node", n), ("cursor", keys[i].ToCursor()))),
        "pageInfo" => new GraphMap("PageInfo",
            ("hasNextPage", hasNext), ("hasPreviousPage", hasPrevious),
            ("startCursor", keys.Count > 0 ? keys[0].ToCursor() : null),
            ("endCursor", keys.Count > 0 ? keys[^1].ToCursor() : null)),
        _ => null,
    };
}
