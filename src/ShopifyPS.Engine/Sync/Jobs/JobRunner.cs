using System.Runtime.CompilerServices;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync;

/// <summary>
/// Runs a job as a recorded run: a run row in the database and a JSONL run log (both skipped under -WhatIf), every
/// result counted into the <see cref="RunSummary"/>, and the run closed however it ends — Succeeded, Failed with the
/// error, or Cancelled when the caller stops reading (Ctrl+C, <c>Select-Object -First</c>) or cancels. What was sent
/// before the stop stays recorded, so a rerun finishes the job.
/// </summary>
public static class JobRunner
{
    /// <exception cref="ShopifyPSException">The profile rules the job out, or the run log cannot be written.</exception>
    public static RunSummary Start(ShopSession session, ISyncJob job)
    {
        job.Check(session.Profile);
        return new RunSummary(session.Profile.Name, job.Kind, session.WhatIf);
    }

    public static async IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, ISyncJob job, RunSummary summary,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (job.Scope.IsEmpty)
        {
            session.Progress.Report(RunEvent.Warning($"Nothing to synchronize in shop '{session.Profile.Name}': the input named no item or product, so nothing was changed."));
            summary.Finish(RunStatus.Succeeded, "Nothing to synchronize: the input named no item or product.", session.Client.Statistics);
            yield break;
        }
        // The log comes first: a run that cannot be logged stops before it records or sends anything.
        using var log = session.WhatIf ? null : RunLog.Start(session.Home, session.Profile.Name, job.Kind, summary.StartedAt);
        var run = session.WhatIf ? null : session.Store.Connector.StartRun(session.Profile.Name, job.Kind);
        if (log is not null) session.Progress.Report(RunEvent.Verbose($"Run log: {log.Path}"));
        var status = RunStatus.Cancelled;
        var message = "Cancelled before the run finished; a rerun continues where it stopped.";
        // A job may fail while it starts (its setup is checked when it is asked for its results) or while it runs.
        void Fail(Exception ex) => (status, message) = (RunStatus.Failed, ex.Message);
        try
        {
            IAsyncEnumerator<SyncResult> results;
            try
            {
                results = job.RunAsync(session, cancellationToken).GetAsyncEnumerator(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(ex);
                throw;
            }
            await using (results.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await results.MoveNextAsync().ConfigureAwait(false)) break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Fail(ex);
                        throw;
                    }
                    summary.Count(results.Current);
                    log?.Record(results.Current);
                    yield return results.Current;
                }
            }
            status = RunStatus.Succeeded;
            message = "";
        }
        finally
        {
            summary.Finish(status, message, session.Client.Statistics);
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
                (run.ApiCalls, run.Cost, run.Throttled, run.ExitCode) = (summary.ApiCalls, summary.ActualCost, summary.Throttled, summary.ExitCode);
                run.LogPath = log?.Path;
                session.Store.Connector.FinishRun(run);
            }
        }
    }
}
