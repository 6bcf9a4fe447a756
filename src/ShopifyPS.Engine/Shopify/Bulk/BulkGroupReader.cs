using System.Runtime.CompilerServices;

namespace ShopifyPS.Shopify;

/// <summary>
/// Streams a bulk export as top-level objects with their children, in bounded memory. Shopify writes a child after
/// its parent, but not necessarily right after it, so a parent stays open until it has the number of children
/// <c>expectedChildren</c> gives (a product's <c>variantsCount</c>) and is handed out as soon as it has them. When
/// more than <see cref="MaxOpen"/> parents are open, the oldest goes to a <see cref="BulkSpill"/> file together with
/// any child of it still to come; parents still open at the end of the file and then the spilled ones are handed
/// out last. Memory is bounded by <see cref="MaxOpen"/> parents, never by the size of the export.
/// </summary>
public sealed class BulkGroupReader
{
    public const int DefaultMaxOpen = 1000;
    private readonly Func<BulkRecord, int?> _expectedChildren;

    /// <param name="expectedChildren">How many children a top-level object will have, or null when unknown (it then
    /// stays open to the end of the file, or until it is spilled).</param>
    public BulkGroupReader(Func<BulkRecord, int?> expectedChildren, int maxOpen = DefaultMaxOpen)
    {
        _expectedChildren = expectedChildren;
        MaxOpen = Math.Max(1, maxOpen);
    }

    public int MaxOpen { get; }

    /// <summary>The most parents held open at once by the last read (never above <see cref="MaxOpen"/>).</summary>
    public int PeakOpen { get; private set; }

    /// <summary>How many parents the last read had to spill.</summary>
    public int Spilled { get; private set; }

    public async IAsyncEnumerable<BulkRecord> ReadAsync(IAsyncEnumerable<BulkRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        PeakOpen = Spilled = 0;
        var open = new Dictionary<string, (LinkedListNode<BulkRecord> Node, int? Expected)>(StringComparer.Ordinal);
        var age = new LinkedList<BulkRecord>();
        BulkSpill? spill = null;
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (record.ParentId is null)
                {
                    var expected = _expectedChildren(record);
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
                        (spill ??= new BulkSpill()).AddParent(oldest);
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
                    throw new InvalidDataException($"Bulk result line {record.Id ?? record.Data.ToString()} names parent {record.ParentId}, which did not come before it.");
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
