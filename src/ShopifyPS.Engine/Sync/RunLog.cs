using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync;

/// <summary>
/// One JSON line per record and a closing summary line, in <c>&lt;home&gt;/logs/&lt;shop&gt;/&lt;time&gt;-&lt;kind&gt;.jsonl</c>,
/// so an unattended run leaves a record of what it did that tools (or Get-Content | ConvertFrom-Json) can read.
/// Each line is flushed at once: a run that is killed still leaves every record it finished.
/// </summary>
public sealed class RunLog : IDisposable
{
    private static readonly JsonSerializerSettings Settings = new() { Converters = { new StringEnumConverter() } };
    private readonly StreamWriter _writer;

    private RunLog(string path)
    {
        Path = path;
        _writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }

    /// <exception cref="ShopifyPSException">The logs folder cannot be written (ShopifyRunLogNotWritable).</exception>
    public static RunLog Start(ShopifyHome home, string shop, SyncKind kind, DateTimeOffset startedAt)
    {
        var folder = System.IO.Path.Combine(home.LogsFolder, shop);
        try
        {
            return Create(folder, kind, startedAt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ShopifyPSException(ErrorCatalog.RunLogNotWritable,
                $"The run log cannot be written in {folder}: {ex.Message} Give the account that runs ShopifyPS write access to " +
                $"that folder (the logs are under <home>/logs; ${ShopifyHome.EnvironmentVariable} moves the home folder).", folder, ex);
        }
    }

    private static RunLog Create(string folder, SyncKind kind, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(folder);
        var stem = $"{startedAt:yyyyMMdd-HHmmss}-{kind.ToString().ToLowerInvariant()}";
        var path = System.IO.Path.Combine(folder, stem + ".jsonl");
        // Two runs in the same second (one waiting for the other's lock) each get their own file.
        for (var n = 2; File.Exists(path); n++) path = System.IO.Path.Combine(folder, $"{stem}-{n}.jsonl");
        return new RunLog(path);
    }

    public void Record(SyncResult result) => Write(new
    {
        type = "record", time = DateTimeOffset.UtcNow, result.Action, result.ItemNo, result.VariantCode,
        result.ProductId, result.VariantId, result.Message, result.Planned,
    });

    public void Finish(RunSummary summary) => Write(new { type = "summary", summary });

    // Messages quote what Shopify and the user gave; a token among them never reaches the file.
    private void Write(object line) => _writer.WriteLine(Profiles.TokenShape.Redact(JsonConvert.SerializeObject(line, Settings)));

    public void Dispose() => _writer.Dispose();
}
