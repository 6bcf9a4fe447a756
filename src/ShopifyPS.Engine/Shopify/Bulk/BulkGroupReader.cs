using System.Runtime.CompilerServices;

namespace ShopifyPS.Shopify;

/// <summary>
/// Streams a bulk export as top-level objects with their children, in bounded memory. Shopify writes a child after
/// its parent, but not necessarily right after it, so a parent stays open until it has the number of children
/// <c>expectedChildren</c> gives (a product's <c>variantsCount</c>) and is handed out as soon as it has them. When
/// more than <see cref="MaxOpen"/> parents are open, the oldest goes to a <see cref="BulkSpill{T}"/> file together with
/// any child of it still to come; parents still open at the end of the file and then the spilled ones are handed
/// out last. Memory is bounded by <see cref="MaxOpen"/> parents, never by the size of the export.
/// </summary>
internal sealed class BulkGroupReader<T>
{
    public const int DefaultMaxOpen = 1000;
    private readonly Func<BulkLine, BulkRecord<T>> _read;
    private readonly Func<T, int?> _expectedChildren;

    /// <param name="read">Reads a line (also a spilled line read back).</param>
    /// <param name="expectedChildren">How many children a top-level object will have, or null when unknown (it then
    /// stays open to the end of the file, or until it is spilled).</param>
    public BulkGroupReader(Func<BulkLine, BulkRecord<T>> read, Func<T, int?> expectedChildren, int maxOpen = DefaultMaxOpen)
    {
        _read = read;
        _expectedChildren = expectedChildren;
        MaxOpen = Math.Max(1, maxOpen);
    }

    public int MaxOpen { get; }

    /// <summary>The most parents held open at once by the last read (never above <see cref="MaxOpen"/>).</summary>
    public int PeakOpen { get; private set; }

    /// <summary>How many parents the last read had to spill.</summary>
    public int Spilled { get; private set; }

    /// <exception cref="ShopifyException">A line is not what Shopify writes, or names a parent that did not come before it.</exception>
    public async IAsyncEnumerable<BulkRecord<T>> ReadAsync(IAsyncEnumerable<BulkLine> lines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        PeakOpen = Spilled = 0;
        var open = new Dictionary<string, (LinkedListNode<BulkRecord<T>> Node, int? Expected)>(StringComparer.Ordinal);
        var age = new LinkedList<BulkRecord<T>>();
        BulkSpill<T>? spill = null;
        try
        {
            await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var record = _read(line);
                if (record.ParentId is null)
                {
                    var expected = _expectedChildren(record.Data);
                    if (expected <= 0 || record.Id is null)
                    {
                        yield return record;
                        continue;
                    }
                    open[record.Id] = (age.AddLast(record), expected);
                    if (open.Count > MaxOpen)
                    {
                        var oldest = age.First!.Value;
                        age.RemoveFirst();
                        open.Remove(oldest.Id!);
                        (spill ??= new BulkSpill<T>(_read)).AddParent(oldest);
                        Spilled++;
                    }
                    PeakOpen = Math.Max(PeakOpen, open.Count);
                    continue;
                }
                if (open.TryGetValue(record.ParentId, out var parent))
                {
                    var node = parent.Node.Value;
                    node.AddChild(record);
                    if (parent.Expected is not { } expected || node.Children.Count < expected) continue;
                    open.Remove(record.ParentId);
                    age.Remove(parent.Node);
                    yield return node;
                }
                else if (spill is null || !spill.AddChild(record))
                {
                    throw line.Malformed($"{record} names parent {record.ParentId}, which did not come before it");
                }
            }
            // What is still open has fewer children than announced (the shop changed while Shopify wrote the file).
            foreach (var record in age) yield return record;
            if (spill is null) yield break;
            foreach (var record in spill.ReadBack()) yield return record;
        }
        finally
        {
            spill?.Dispose();
        }
    }
}
