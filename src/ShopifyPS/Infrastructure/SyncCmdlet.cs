using System.Management.Automation;
using ShopifyPS.Storage;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// A sync cmdlet: it collects the items and products each record names, per shop, and when the pipeline ends runs one
/// job per shop through <see cref="JobRunner"/> (write lock for the run, one <see cref="SyncResult"/> per record, each
/// failed record an error and the run goes on, a run row and a JSONL run log, a <see cref="RunSummary"/> on the
/// information stream, tag "Summary"). With pipeline input it works on exactly what the records named — none
/// delivered (or none bound) means nothing is touched; without pipeline input and without identity parameters, on
/// everything the profile covers. Under -WhatIf the job plans only and the run is not recorded.
/// </summary>
public abstract class SyncCmdlet : ShopCmdlet
{
    private sealed record ShopInput(string Shop, List<string> ItemNos, List<string> ProductIds);

    private readonly List<ShopInput> _inputs = [];
    private bool _named;

    protected override StoreAccess Access => StoreAccess.Write;

    /// <summary>The summary of the last run this cmdlet made, for scripts: also on the information stream.</summary>
    protected RunSummary? Summary { get; private set; }

    /// <summary>The job for one shop's scope, with this cmdlet's options.</summary>
    protected abstract ISyncJob CreateJob(JobScope scope);

    /// <summary>Adds what the current record (or the command line) names to the current shop's input.</summary>
    protected void Collect(IEnumerable<string>? itemNos, IEnumerable<string>? productIds)
    {
        _named |= itemNos is not null || productIds is not null;
        var input = _inputs.Find(i => string.Equals(i.Shop, Shop, StringComparison.OrdinalIgnoreCase));
        if (input is null) _inputs.Add(input = new ShopInput(Shop, [], []));
        input.ItemNos.AddRange(itemNos ?? []);
        input.ProductIds.AddRange(productIds ?? []);
    }

    protected override void End()
    {
        if (_inputs.Count == 0)
        {
            // Only a pipeline that delivered nothing (or records that all failed to bind) gets here.
            var job = CreateJob(JobScope.Only([], []));
            var summary = new RunSummary(Shop, job.Kind, WhatIfRequested);
            summary.Finish(Connector.RunStatus.Succeeded, "Nothing to synchronize: the pipeline delivered no record.", null);
            WriteWarning("Nothing to synchronize: the pipeline delivered no record that names an item or product, so nothing was changed.");
            Summary = summary;
            WriteSummary(summary);
            return;
        }
        var piped = MyInvocation.ExpectingInput;
        foreach (var input in _inputs)
            RunJob(input.Shop, CreateJob(piped || _named ? JobScope.Only(input.ItemNos, input.ProductIds) : JobScope.Everything));
    }

    private void RunJob(string shop, ISyncJob job)
    {
        job.Check(ProfileOf(shop));
        if (!ShouldChange($"shop {shop}", job.Action, plans: true)) return;
        var session = Session(shop);
        var summary = JobRunner.Start(session, job);
        try
        {
            RunEach(job.Activity(shop), (_, ct) => JobRunner.RunAsync(session, job, summary, ct), result =>
            {
                WriteObject(result);
                // A record skipped for bad input (an unusable picture) is an error too: the run goes on, the user must act.
                if (result.Action == SyncAction.Failed || result.ErrorId is not null)
                    WriteRecordError(result.ErrorId ?? ErrorCatalog.SyncRecordFailed, result.ToString(), result);
            });
        }
        finally
        {
            Summary = summary;
            if (summary.Status != Connector.RunStatus.Running) WriteSummary(summary);
        }
    }

    private void WriteSummary(RunSummary summary)
    {
        try
        {
            WriteInformation(summary, ["Summary", "ShopifyPS"]);
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: PowerShell writes nothing more; the run row and the run log carry the summary.
        }
    }
}
