using System.Collections.Concurrent;
using System.Management.Automation;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// What every ShopifyPS cmdlet shares (DESIGN.md §7.2): the home folder and profiles, a cancellation
/// token that Ctrl+C cancels, the async bridge that keeps all PowerShell writes on the pipeline
/// thread, progress that always completes, and errors with stable ids.
/// </summary>
public abstract class ShopifyCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private ShopifyHome? _home;
    private SqliteStore? _store;

    protected CancellationToken Cancellation => _cancellation.Token;

    protected ShopifyHome Home => _home ??= ShopifyHome.FromEnvironment();

    protected ShopProfileStore ProfileStore => new(Home);

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        ReleaseResources();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a cmdlet holds across pipeline records (the database and its write lock). PowerShell
    /// disposes the cmdlet however the pipeline ends.</summary>
    private void ReleaseResources()
    {
        _store?.Dispose();
        _store = null;
    }

    /// <summary>The store at <paramref name="path"/>, opened on first use and held to the end of the pipeline. A
    /// database that does not exist yet is not created for reading or for -WhatIf: those get an empty one in
    /// memory. Busy and version problems stop the command.</summary>
    protected SqliteStore OpenStoreAt(string path, StoreAccess access)
    {
        if (_store is not null) return _store;
        StoreOptions options;
        try
        {
            options = StoreOptions.FromEnvironment();
        }
        catch (ArgumentException ex)
        {
            throw Terminate(ErrorCatalog.LockTimeoutInvalid, ex.Message, StoreOptions.LockTimeoutVariable, ex);
        }
        try
        {
            _store = (access == StoreAccess.Read || WhatIfRequested) && !File.Exists(path)
                ? SqliteStore.OpenInMemory()
                : SqliteStore.Open(path, access, options, Cancellation);
            WriteVerbose($"Using the database {_store.Path}.");
            return _store;
        }
        catch (StoreBusyException ex)
        {
            throw Terminate(ErrorCatalog.StoreBusy, ex.Message, path, ex);
        }
        catch (StoreUnusableException ex)
        {
            throw Terminate(ErrorCatalog.StoreUnusable, ex.Message, path, ex);
        }
    }

    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>
    /// Under -Debug (without -Verbose) PowerShell makes a compiled cmdlet ask before each verbose message, which stops
    /// a non-interactive run; the text then goes to the debug stream, which -Debug shows without asking.
    /// </summary>
    protected new void WriteVerbose(string text)
    {
        if (IsBound("Debug") && !IsBound("Verbose")) WriteDebug(text);
        else base.WriteVerbose(text);
    }

    /// <summary>ShouldProcess where <paramref name="force"/> skips the confirmation prompt but never -WhatIf.</summary>
    protected bool ShouldProcess(string target, string action, bool force) => force && !WhatIfRequested || ShouldProcess(target, action);

    /// <summary>-WhatIf was passed (or $WhatIfPreference is set): report, change nothing.</summary>
    protected bool WhatIfRequested => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
        ? ((SwitchParameter)value).IsPresent
        : GetVariableValue("WhatIfPreference") is true or SwitchParameter { IsPresent: true };

    /// <summary>
    /// Runs engine work off the pipeline thread and relays what it reports (progress, verbose, warnings,
    /// debug) on this thread while it runs. The progress bar is completed however the work ends.
    /// </summary>
    protected T Run<T>(string activity, Func<IProgress<RunEvent>, CancellationToken, Task<T>> work) =>
        RunCore(activity, new QueuedReporter(), work, drain: null);

    /// <summary>Like <see cref="Run{T}"/>, for work that yields results: each is handed to <paramref name="write"/>
    /// (by default written to the pipeline) on the pipeline thread as soon as it arrives.</summary>
    protected void RunEach<T>(string activity, Func<IProgress<RunEvent>, CancellationToken, IAsyncEnumerable<T>> work, Action<T>? write = null)
    {
        write ??= result => WriteObject(result);
        var results = new ConcurrentQueue<T>();
        var reporter = new QueuedReporter();
        RunCore(activity, reporter, async (progress, ct) =>
        {
            await foreach (var result in work(progress, ct).WithCancellation(ct).ConfigureAwait(false))
            {
                results.Enqueue(result);
                reporter.Wake();
            }
            return true;
        }, drain: () =>
        {
            while (results.TryDequeue(out var result)) write(result);
        });
    }

    private T RunCore<T>(string activity, QueuedReporter reporter, Func<IProgress<RunEvent>, CancellationToken, Task<T>> work, Action? drain)
    {
        var task = Task.Run(() => work(reporter, Cancellation), Cancellation);
        using var progress = new ProgressScope(this, activity);
        while (!task.IsCompleted)
        {
            reporter.WaitForEvents(TimeSpan.FromMilliseconds(200));
            Relay(reporter, progress);
            drain?.Invoke();
        }
        Relay(reporter, progress);
        drain?.Invoke();
        return task.GetAwaiter().GetResult();
    }

    private void Relay(QueuedReporter reporter, ProgressScope progress)
    {
        while (reporter.TryTake(out var e))
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

    /// <summary>Loads a profile, or stops the command with an error that says what to do.</summary>
    protected ShopProfile LoadProfile(string name)
    {
        try
        {
            return ProfileStore.Load(name);
        }
        catch (FileNotFoundException ex)
        {
            throw Terminate(ErrorCatalog.ProfileNotFound, ex.Message, name, ex);
        }
        catch (ProfileException ex)
        {
            throw Terminate(ex.Problems[0].Error,
                $"The shop profile '{name}' cannot be used:{Environment.NewLine}{ex.Message}", name, ex);
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
            throw Terminate(ex.Problems[0].Error,
                $"The shop profile '{profile.Name}' was not saved:{Environment.NewLine}{ex.Message}", profile.Name, ex);
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
