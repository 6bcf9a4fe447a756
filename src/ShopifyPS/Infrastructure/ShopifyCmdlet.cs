using System.Collections.Concurrent;
using System.Management.Automation;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// What every ShopifyPS cmdlet shares: the home folder and profiles, a cancellation token that Ctrl+C cancels, the
/// async bridge that keeps all PowerShell writes on the pipeline thread, progress that always completes, and errors:
/// every <see cref="ShopifyPSException"/> becomes an error record here, in one place, and anything else the engine
/// throws becomes ShopifyUnexpectedError instead of a raw .NET exception. Cmdlets override
/// <see cref="Begin"/>, <see cref="Process"/> and <see cref="End"/>.
/// </summary>
public abstract class ShopifyCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly QueuedReporter _reporter = new();
    private ShopifyHome? _home;
    private SqliteStore? _store;

    protected CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Where engine work reports progress and messages; relayed on the pipeline thread while work runs.</summary>
    protected IProgress<RunEvent> Reporter => _reporter;

    protected ShopifyHome Home => _home ??= ShopifyHome.FromEnvironment();

    protected ShopProfileStore ProfileStore => new(Home);

    protected sealed override void BeginProcessing()
    {
        KeepWarningsFromAsking();
        Guarded(Begin);
    }

    protected sealed override void ProcessRecord() => Guarded(Process);

    protected sealed override void EndProcessing() => Guarded(End);

    protected virtual void Begin() { }

    protected virtual void Process() { }

    protected virtual void End() { }

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        ReleaseResources();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a cmdlet holds across pipeline records (databases and their write locks). PowerShell
    /// disposes the cmdlet however the pipeline ends.</summary>
    protected virtual void ReleaseResources()
    {
        _store?.Dispose();
        _store = null;
    }

    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (ShopifyPSException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex));
        }
        catch (OperationCanceledException) when (Stopping || _cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (ex is not RuntimeException and not OperationCanceledException)
        {
            ThrowTerminatingError(ToErrorRecord(new ShopifyPSException(ErrorCatalog.UnexpectedError,
                $"ShopifyPS stopped on an error it did not expect ({ex.GetType().Name}: {ex.Message}). Nothing more was sent; " +
                "a rerun continues where this one stopped. Run again with -Debug and report the message and the run log.", null, ex)));
        }
    }

    /// <summary>The store at <paramref name="path"/>, opened on first use and held to the end of the pipeline. A
    /// database that does not exist yet is not created for reading or for -WhatIf: those get an empty one in
    /// memory. Busy and version problems stop the command.</summary>
    protected SqliteStore OpenStoreAt(string path, StoreAccess access)
    {
        if (_store is not null) return _store;
        _store = (access == StoreAccess.Read || WhatIfRequested) && !File.Exists(path)
            ? SqliteStore.OpenInMemory()
            : SqliteStore.Open(path, access, StoreOptions.FromEnvironment(), Cancellation);
        WriteVerbose($"Using the database {_store.Path}.");
        return _store;
    }

    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    // Under -Debug PowerShell makes a compiled cmdlet ask before each warning and (without -Verbose) each verbose message,
    // which throws in a non-interactive run (a scheduled job). Verbose text then goes to the debug stream, which -Debug
    // shows without asking; warnings keep the caller's $WarningPreference (see KeepWarningsFromAsking).
    protected new void WriteVerbose(string text)
    {
        if (IsBound("Debug") && !IsBound("Verbose")) WriteDebug(text);
        else base.WriteVerbose(text);
    }

    private static readonly System.Reflection.PropertyInfo? RuntimeWarningPreference = typeof(PSCmdlet).Assembly
        .GetType("System.Management.Automation.MshCommandRuntime")
        ?.GetProperty("WarningPreference", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);

    /// <summary>
    /// -Debug turns a compiled cmdlet's warning preference to Inquire; PowerShell offers no public way back, so the
    /// runtime's own setting is given the caller's preference, as -WarningAction would. A -WarningAction the user
    /// passed is left alone. Pester proves this in a non-interactive pwsh, so a PowerShell that renames the property fails a test.
    /// </summary>
    private void KeepWarningsFromAsking()
    {
        if (!IsBound("Debug") || IsBound("WarningAction")) return;
        var preference = GetVariableValue("WarningPreference") as ActionPreference? ?? ActionPreference.Continue;
        if (preference == ActionPreference.Inquire) return;
        RuntimeWarningPreference?.SetValue(CommandRuntime, preference);
    }

    /// <summary>
    /// The one gate before a change to Shopify, the store or a profile: -WhatIf reports it and changes nothing, -Confirm
    /// (or a high enough impact) asks, and <paramref name="force"/> skips the question but never -WhatIf. A cmdlet that
    /// <paramref name="plans"/> its changes under -WhatIf (writing each planned record) goes on to plan instead of
    /// printing one "What if" line.
    /// </summary>
    protected bool ShouldChange(string target, string action, bool force = false, bool plans = false) =>
        WhatIfRequested ? plans || ShouldProcess(target, action) : force || ShouldProcess(target, action);

    /// <summary>-WhatIf was passed (or $WhatIfPreference is set): report, change nothing.</summary>
    protected bool WhatIfRequested => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
        ? ((SwitchParameter)value).IsPresent
        : GetVariableValue("WhatIfPreference") is true or SwitchParameter { IsPresent: true };

    /// <summary>
    /// Runs engine work off the pipeline thread and relays what it reports (progress, verbose, warnings,
    /// debug) on this thread while it runs. The progress bar is completed however the work ends.
    /// </summary>
    protected T Run<T>(string activity, Func<IProgress<RunEvent>, CancellationToken, Task<T>> work) =>
        RunCore(activity, work, drain: null);

    /// <summary>Like <see cref="Run{T}"/>, for work that yields results: each is handed to <paramref name="write"/>
    /// (by default written to the pipeline) on the pipeline thread as soon as it arrives.</summary>
    protected void RunEach<T>(string activity, Func<IProgress<RunEvent>, CancellationToken, IAsyncEnumerable<T>> work, Action<T>? write = null)
    {
        write ??= result => WriteObject(result);
        var results = new ConcurrentQueue<T>();
        RunCore(activity, async (progress, ct) =>
        {
            await foreach (var result in work(progress, ct).WithCancellation(ct).ConfigureAwait(false))
            {
                results.Enqueue(result);
                _reporter.Wake();
            }
            return true;
        }, drain: () =>
        {
            while (results.TryDequeue(out var result)) write(result);
        });
    }

    private T RunCore<T>(string activity, Func<IProgress<RunEvent>, CancellationToken, Task<T>> work, Action? drain)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var task = Task.Run(() => work(_reporter, stop.Token), stop.Token);
        using var progress = new ProgressScope(this, activity);
        try
        {
            while (!task.IsCompleted)
            {
                _reporter.WaitForEvents(TimeSpan.FromMilliseconds(200));
                Relay(progress);
                drain?.Invoke();
            }
            Relay(progress);
            drain?.Invoke();
        }
        finally
        {
            // A stop downstream (Select-Object -First, a terminating error) or Ctrl+C: the worker is told to stop and
            // awaited, so it closes its run before the store it writes to is closed.
            if (!task.IsCompleted)
            {
                stop.Cancel();
                try { task.Wait(); } catch (AggregateException) { /* its outcome is the stop that is already under way */ }
            }
        }
        return task.GetAwaiter().GetResult();
    }

    private void Relay(ProgressScope progress)
    {
        while (_reporter.TryTake(out var e))
        {
            switch (e.Kind)
            {
                case RunEventKind.Progress: progress.Update(e.Message, e.Done, e.Total); break;
                case RunEventKind.Verbose: WriteVerbose(e.Message); break;
                case RunEventKind.Warning: WriteWarning(e.Message); break;
                case RunEventKind.Debug: WriteDebug(e.Message); break;
            }
        }
    }

    /// <summary>Loads a profile, or stops the command with an error that says what to do. A profile loaded
    /// <paramref name="forChange"/> may hold values the validator refuses, since the change may be their repair; saving
    /// validates it.</summary>
    protected ShopProfile LoadProfile(string name, bool forChange = false)
    {
        try
        {
            return forChange ? ProfileStore.LoadForChange(name) : ProfileStore.Load(name);
        }
        catch (ProfileException ex)
        {
            throw new ShopifyPSException(ex.Error, $"The shop profile '{name}' cannot be used:{Environment.NewLine}{ex.Message}", name, ex);
        }
    }

    /// <summary>Saves the profile; a profile that would not load again is refused with every problem named.</summary>
    protected void SaveProfile(ShopProfile profile)
    {
        try
        {
            ProfileStore.Save(profile);
        }
        catch (ProfileException ex)
        {
            throw new ShopifyPSException(ex.Error, $"The shop profile '{profile.Name}' was not saved:{Environment.NewLine}{ex.Message}", profile.Name, ex);
        }
    }

    /// <summary>Stops the whole command. Use for unusable input, profile or authentication.</summary>
    /// <returns>Never returns; typed so callers can write <c>throw Terminate(...)</c> and keep flow analysis honest.</returns>
    protected Exception Terminate(ErrorId error, string message, object? target, Exception? inner = null) =>
        Terminate(new ShopifyPSException(error, message, target, inner));

    /// <summary>Stops the whole command with the error an engine exception carries.</summary>
    protected Exception Terminate(ShopifyPSException ex)
    {
        ThrowTerminatingError(ToErrorRecord(ex));
        return ex;
    }

    /// <summary>Reports one failed record and lets the command go on with the rest.</summary>
    protected void WriteRecordError(ErrorId error, string message, object? target, Exception? inner = null) =>
        WriteError(ToErrorRecord(new ShopifyPSException(error, message, target, inner)));

    /// <summary>Reports one failed record with the error an engine exception carries.</summary>
    protected void WriteRecordError(ShopifyPSException ex, object? target = null) => WriteError(ToErrorRecord(ex, target));

    /// <summary>The one place an error id becomes an error record: its category is the PowerShell category of the same name.</summary>
    private static ErrorRecord ToErrorRecord(ShopifyPSException ex, object? target = null) =>
        new(ex, ex.Error.Name, Enum.Parse<ErrorCategory>(ex.Error.Kind.ToString()), target ?? ex.Target);

    /// <summary>Engine events queued by worker threads for the pipeline thread to write.</summary>
    private sealed class QueuedReporter : IProgress<RunEvent>
    {
        private readonly ConcurrentQueue<RunEvent> _queue = new();
        private readonly SemaphoreSlim _signal = new(0);

        public void Report(RunEvent value)
        {
            _queue.Enqueue(value);
            _signal.Release();
        }

        public void WaitForEvents(TimeSpan timeout) => _signal.Wait(timeout);

        /// <summary>Wakes the pipeline thread for something other than an event (a result to write).</summary>
        public void Wake() => _signal.Release();

        public bool TryTake(out RunEvent e) => _queue.TryDequeue(out e!);
    }
}
