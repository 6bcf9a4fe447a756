using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Storage;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Lists a shop's recorded sync runs, newest first: kind, start, duration, how each ended, its records by action, API
/// calls, cost, THROTTLED and exit code; with -IncludeRecords also every record from the run's log. Reads the database and
/// the run logs only.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ShopifySyncRun", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SyncRunReport))]
public sealed class GetShopifySyncRunCommand : ShopCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>One run by its id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long Id { get; set; }

    /// <summary>Only the newest N runs (after the other filters).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; }

    /// <summary>Only runs that ended so (Interrupted: the process was killed before it closed the run).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public RunStatus[]? Status { get; set; }

    /// <summary>Only runs started at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    /// <summary>Also read each run's records from its log into the Records property.</summary>
    [Parameter]
    public SwitchParameter IncludeRecords { get; set; }

    protected override void Process()
    {
        var profile = Profile;
        var store = OpenStoreAt(Home.DatabaseFor(profile), StoreAccess.Read);
        var filter = ParameterSetName == IdSet
            ? new RunFilter(Id: Id)
            : new RunFilter(Last: IsBound(nameof(Last)) ? Last : null, Statuses: Status, Since: Since is { } since ? new DateTimeOffset(since) : null);
        var found = false;
        foreach (var run in new RunHistory(store, Home).Find(profile.Name, filter, IncludeRecords))
        {
            found = true;
            WriteObject(run);
        }
        if (!found && ParameterSetName == IdSet)
            WriteRecordError(ErrorCatalog.RunNotFound,
                $"The shop '{profile.Name}' has no recorded run {Id} in {store.Path}. List its runs with Get-ShopifySyncRun -Shop {profile.Name}.", Id);
    }
}
