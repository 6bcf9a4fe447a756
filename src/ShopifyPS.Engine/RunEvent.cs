namespace ShopifyPS;

/// <summary>What engine work reports while it runs. The cmdlet turns these into progress, verbose,
/// warning and debug records on the pipeline thread (only that thread may write to PowerShell).</summary>
public enum RunEventKind { Progress, Verbose, Warning, Debug }

public sealed record RunEvent(RunEventKind Kind, string Message, long Done = 0, long Total = 0)
{
    public static RunEvent Progress(string status, long done, long total) => new(RunEventKind.Progress, status, done, total);
    public static RunEvent Verbose(string message) => new(RunEventKind.Verbose, message);
    public static RunEvent Warning(string message) => new(RunEventKind.Warning, message);
    public static RunEvent Debug(string message) => new(RunEventKind.Debug, message);
}
