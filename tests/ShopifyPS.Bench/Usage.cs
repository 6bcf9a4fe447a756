using System.Diagnostics;

namespace ShopifyPS.Bench;

/// <summary>
/// Wall time, CPU time and peak working set of this process while one workload runs. The emulator runs in its own
/// process, so this is the module's own work (plus the benchmark's few lines around it). In a process that runs one
/// measured job and nothing before it, the peak is the process's own high-water mark, which the system keeps at no
/// cost; in a process that ran other work before, it is sampled every 10 ms, since the lifetime peak would carry over
/// from that work (and the sampler's own CPU, about a percent, is counted).
/// </summary>
internal sealed class Usage
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _sampler;
    private long _peak;

    private Usage(bool sample)
    {
        _cpuAtStart = _process.TotalProcessorTime;
        if (!sample) return;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public static Usage Start()
    {
        // Start from what the workload itself needs, not from the garbage of its setup.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new Usage(sample: true);
    }

    /// <summary>For a process of its own that runs one job: its peak is the process's high-water mark (VmHWM on Linux).</summary>
    public static Usage StartInFreshProcess() => new(sample: false);

    public Used Stop()
    {
        _watch.Stop();
        _stop.Cancel();
        _sampler?.Wait();
        Sample();
        return new Used(_watch.Elapsed, _process.TotalProcessorTime - _cpuAtStart, _sampler is null ? _process.PeakWorkingSet64 : _peak);
    }

    private void Sample()
    {
        _process.Refresh();
        _peak = Math.Max(_peak, _process.WorkingSet64);
    }
}

internal sealed record Used(TimeSpan Wall, TimeSpan Cpu, long PeakBytes);
