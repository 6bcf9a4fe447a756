using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync;

/// <summary>The figures of a run's closing summary line (see <see cref="RunLog.Finish"/>).</summary>
internal sealed record RunLogSummary(long ApiCalls, long ActualCost, long Throttled);

/// <summary>
/// Reads back what <see cref="RunLog"/> wrote: the records and the closing summary, and finds the log of a run whose
/// path the database does not have (runs recorded before it did).
/// </summary>
internal static class RunLogReader
{
    /// <summary>
    /// The log of a run from its file name: <c>&lt;UTC start, to the second&gt;-&lt;kind&gt;[-n].jsonl</c>, started just before the run
    /// was recorded. Runs of one database never overlap (the write lock), so the newest log of that kind started at most a few
    /// seconds before the run is its log.
    /// </summary>
    public static string? Find(ShopifyHome home, SyncRun run)
    {
        var folder = Path.Combine(home.LogsFolder, run.Shop);
        if (!Directory.Exists(folder)) return null;
        var kind = run.Kind.ToString().ToLowerInvariant();
        var started = run.StartedAt.ToUniversalTime();
        return Directory.EnumerateFiles(folder, $"*-{kind}*.jsonl")
            .Select(path => (Path: path, Stamp: Stamp(Path.GetFileNameWithoutExtension(path), kind)))
            .Where(f => f.Stamp is { } s && s.Time <= started && started - s.Time < TimeSpan.FromSeconds(10))
            .OrderByDescending(f => f.Stamp!.Value.Time).ThenByDescending(f => f.Stamp!.Value.Number)
            .Select(f => f.Path)
            .FirstOrDefault();
    }

    private static (DateTimeOffset Time, int Number)? Stamp(string name, string kind)
    {
        // yyyyMMdd-HHmmss-<kind> or yyyyMMdd-HHmmss-<kind>-<n>
        if (name.Length < 16 || !DateTimeOffset.TryParseExact(name[..15], "yyyyMMdd-HHmmss", null,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var time)) return null;
        var rest = name[16..];
        if (rest == kind) return (time, 1);
        return rest.StartsWith(kind + "-", StringComparison.Ordinal) && int.TryParse(rest[(kind.Length + 1)..], out var n) ? (time, n) : null;
    }

    public static RunLogSummary? Summary(string path)
    {
        foreach (var line in Lines(path).Reverse())
            if ((string?)line["type"] == "summary" && line["summary"] is JObject s)
                return new RunLogSummary((long?)s["ApiCalls"] ?? 0, (long?)s["ActualCost"] ?? 0, (long?)s["Throttled"] ?? 0);
        return null;
    }

    public static IReadOnlyList<SyncResult> Records(string path) => Lines(path)
        .Where(line => (string?)line["type"] == "record")
        .Select(line => new SyncResult(Enum.Parse<SyncAction>((string)line["Action"]!), Text(line, "ItemNo"), Text(line, "VariantCode"),
            Text(line, "ProductId"), Text(line, "VariantId"), Text(line, "Message"), (bool?)line["Planned"] ?? false))
        .ToList();

    private static string Text(JObject line, string name) => (string?)line[name] ?? "";

    /// <summary>The log's complete lines; a killed run's last line may be cut off half-way and is left out.</summary>
    private static IEnumerable<JObject> Lines(string path)
    {
        var lines = new List<JObject>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } text)
        {
            try
            {
                if (JToken.Parse(text) is JObject line) lines.Add(line);
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                // A line cut off by a kill: what came before it still counts.
            }
        }
        return lines;
    }
}
