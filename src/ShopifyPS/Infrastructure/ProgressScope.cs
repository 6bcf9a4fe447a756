using System.Management.Automation;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>A progress bar that is always completed when disposed, so none is left hanging after an error.</summary>
internal sealed class ProgressScope : IDisposable
{
    private static int _nextId;
    private readonly Cmdlet _cmdlet;
    private readonly ProgressRecord _record;
    private bool _written;

    public ProgressScope(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _record = new ProgressRecord(Interlocked.Increment(ref _nextId), activity, "Starting");
    }

    public void Update(string status, long done, long total)
    {
        _record.StatusDescription = string.IsNullOrEmpty(status) ? "Working" : status;
        _record.PercentComplete = total > 0 ? (int)Math.Min(100, done * 100 / total) : -1;
        _cmdlet.WriteProgress(_record);
        _written = true;
    }

    public void Dispose()
    {
        if (!_written) return;
        _record.RecordType = ProgressRecordType.Completed;
        _cmdlet.WriteProgress(_record);
    }
}
