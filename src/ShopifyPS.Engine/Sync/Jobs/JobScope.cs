namespace ShopifyPS.Sync;

/// <summary>
/// What a job works on: everything the profile covers, or exactly the items and products named. A scope that names
/// nothing works on nothing — it never widens to everything (a pipeline that delivered no records changes nothing).
/// </summary>
public sealed class JobScope
{
    private JobScope(bool all, IReadOnlyList<string> itemNos, IReadOnlyList<string> productIds) =>
        (All, ItemNos, ProductIds) = (all, itemNos, productIds);

    public static JobScope Everything { get; } = new(true, [], []);

    public static JobScope Only(IEnumerable<string> itemNos, IEnumerable<string> productIds) =>
        new(false, Clean(itemNos), Clean(productIds));

    public bool All { get; }
    public IReadOnlyList<string> ItemNos { get; }
    public IReadOnlyList<string> ProductIds { get; }

    /// <summary>Names nothing: the job has nothing to do.</summary>
    public bool IsEmpty => !All && ItemNos.Count == 0 && ProductIds.Count == 0;

    private static List<string> Clean(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
