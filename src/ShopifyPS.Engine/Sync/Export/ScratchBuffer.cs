namespace ShopifyPS.Sync.Export;

/// <summary>
/// Rows on their way to a scratch table: held in memory until <see cref="BufferSize"/> have gathered (or the table is
/// about to be read), then written in order, each with its line number, by <paramref name="write"/>. Counts the most
/// held at once, which is what bounds a large run's memory.
/// </summary>
internal sealed class ScratchBuffer<T>(int bufferSize, Action<int, T> write)
{
    private readonly List<T> _held = new();
    private int _written;

    /// <summary>How many rows are held before they are written.</summary>
    public int BufferSize { get; } = Math.Max(1, bufferSize);

    /// <summary>The most rows held at once (never above <see cref="BufferSize"/>).</summary>
    public int MostHeld { get; private set; }

    /// <summary>The rows added, written or not.</summary>
    public int Count => _written + _held.Count;

    public void Add(T row)
    {
        _held.Add(row);
        MostHeld = Math.Max(MostHeld, _held.Count);
        if (_held.Count >= BufferSize) Flush();
    }

    /// <summary>Writes the rows held.</summary>
    public void Flush()
    {
        foreach (var row in _held) write(_written++, row);
        _held.Clear();
    }
}
