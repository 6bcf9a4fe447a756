using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>One object of a bulk export: what its line was read into, its gid, the gid of the object it is nested in,
/// and the line itself (what <see cref="BulkSpill{T}"/> parks and reads again).</summary>
internal sealed class BulkRecord<T>
{
    private readonly List<BulkRecord<T>> _children = new();

    public BulkRecord(BulkLine line, string? id, string? parentId, T data)
    {
        Line = line;
        Id = id;
        ParentId = parentId;
        Data = data;
    }

    public BulkLine Line { get; }
    public T Data { get; }
    public string? Id { get; }
    public string? ParentId { get; }

    /// <summary>Nested objects (filled by <see cref="BulkGroupReader{T}"/>), in the order they came.</summary>
    public IReadOnlyList<BulkRecord<T>> Children => _children;

    internal void AddChild(BulkRecord<T> child) => _children.Add(child);

    public override string ToString() => Id ?? $"line {Line.Number}";
}

/// <summary>Bulk lines read whole, as JObjects, for a reader that takes most of what each line holds.</summary>
internal static class BulkRecord
{
    private const string ParentKey = "__parentId";

    /// <summary>The line as a JObject without its <c>__parentId</c>, which becomes the record's parent.</summary>
    public static BulkRecord<JObject> Parse(BulkLine line)
    {
        var data = line.Parse();
        var parentId = data.Value<string>(ParentKey);
        data.Remove(ParentKey);
        return new BulkRecord<JObject>(line, data.Value<string>("id"), parentId, data);
    }
}
