using System.Management.Automation;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// A sync cmdlet (DESIGN.md §4.2, R1): it holds the database's write lock for the whole run (so two runs never
/// overlap), streams one <see cref="SyncResult"/> per record, reports each failed record as an error and goes on,
/// records the run in the database and in a JSONL run log, and ends with a <see cref="RunSummary"/> on the
/// information stream (tag "Summary"). Under -WhatIf the job plans only and the run is not recorded.
/// </summary>
public abstract class SyncCmdlet : ShopCmdlet
{
    /// <summary>The summary of the last run this cmdlet made, for scripts: also on the information stream.</summary>
    protected RunSummary? Summary { get; private set; }

    protected void RunSync(SyncKind kind, string activity, Func<SyncContext, CancellationToken, IAsyncEnumerable<SyncResult>> job)
    {
        var profile = Profile;
        var whatIf = WhatIfRequested;
        var store = OpenStoreAt(Home.DatabaseFor(profile), StoreAccess.Write);
        var summary = new RunSummary(profile.Name, kind, whatIf);
        // The log comes first: a run that cannot be logged stops before it records or sends anything.
        using var log = whatIf ? null : StartLog(profile.Name, kind, summary.StartedAt);
        var run = whatIf ? null : store.Connector.StartRun(profile.Name, kind);
        ShopifyClient? client = null;
        try
        {
            RunEach(activity, (progress, ct) =>
            {
                client = new ShopifyClient(profile, Home, progress);
                return job(new SyncContext(profile, client, store, progress, whatIf, DateOnly.FromDateTime(DateTime.Now)), ct);
            }, result =>
            {
                summary.Count(result);
                log?.Record(result);
                WriteObject(result);
                if (result.Action == SyncAction.Failed)
                    WriteRecordError(ErrorCatalog.ShopifySyncRecordFailed, result.ToString(), result);
            });
            Close(RunStatus.Succeeded, "");
        }
        catch (OperationCanceledException)
        {
            Close(RunStatus.Cancelled, "Cancelled.");
            throw;
        }
        catch (ShopifyException ex)
        {
            Close(RunStatus.Failed, ex.Message);
            throw Terminate(ex);
        }
        catch (PriceCalculationException ex)
        {
            // The shop's price setup (currency, exchange rate, customer template) leaves nothing to price.
            Close(RunStatus.Failed, ex.Message);
            throw Terminate(ex.Error, ex.Message, Shop, ex);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException and not PipelineClosedException)
        {
            Close(RunStatus.Failed, ex.Message);
            throw;
        }

        void Close(RunStatus status, string message)
        {
            summary.Finish(status, message, client?.Statistics);
            Summary = summary;
            log?.Finish(summary);
            if (run is not null)
            {
                run.Status = status;
                run.Created = summary.Created;
                run.Updated = summary.Updated;
                run.Unchanged = summary.Unchanged;
                run.Skipped = summary.Skipped;
                run.Failed = summary.Failed;
                run.Message = message;
                store.Connector.FinishRun(run);
            }
            WriteInformation(summary, new[] { "Summary", "ShopifyPS" });
            if (log is not null) WriteVerbose($"Run log: {log.Path}");
        }
    }

    private RunLog StartLog(string shop, SyncKind kind, DateTimeOffset startedAt)
    {
        try
        {
            return RunLog.Start(Home, shop, kind, startedAt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var folder = Path.Combine(Home.LogsFolder, shop);
            throw Terminate(ErrorCatalog.RunLogNotWritable,
                $"The run log cannot be written in {folder}: {ex.Message} Give the account that runs ShopifyPS write access to " +
                $"that folder (the logs are under <home>/logs; ${ShopifyHome.EnvironmentVariable} moves the home folder).", folder, ex);
        }
    }
}
