using System.Collections;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// Sync-ShopifyInventory (V1, V3–V6): for every mapped variant that tracks inventory and every Shopify location with a
/// stock calculation, the stock of the ERP locations the location filter matches; Shopify's stock read into the mirror;
/// levels a location does not stock yet activated; and only the differences written, 250 to a call, compare-and-set
/// and idempotent (<see cref="QuantityWriter"/>). One result per level (Unchanged ones too) and per skipped variant.
/// The variants go in batches of <see cref="InventorySyncOptions.BatchSize"/> (planned, compared, saved, their differences queued for
/// writing), so memory is bounded by a batch and not by the catalog; a whole-shop bulk read is staged on disk
/// (<see cref="StagedLevels"/>) and each batch takes its own levels from there.
/// </summary>
public static class InventorySync
{
    /// <summary>From this many levels to stock, one bulk mutation replaces the inventoryActivate calls: 50 calls are
    /// 500 points (5 s of the standard budget), about what a bulk operation's fixed overhead (staged upload, polling)
    /// takes; a first sync of 30,000 variants at 3 locations would otherwise be 90,000 calls.</summary>
    public const int BulkActivateThreshold = 50;

    /// <exception cref="LocationFilterException">A location filter in the profile is not valid; nothing was done.</exception>
    public static async IAsyncEnumerable<SyncResult> RunAsync(ShopSession context, InventorySyncOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var profile = context.Profile;
        var enabled = profile.Locations.Where(l => l.StockCalculation != StockCalculation.Disabled)
            .Select(l => (Location: l, Filter: LocationFilter.Parse(l.LocationFilter))).ToList();
        if (enabled.Count == 0)
        {
            context.Progress.Report(RunEvent.Warning(
                $"No location of shop '{profile.Name}' has a stock calculation, so no stock is synchronized. Run Update-ShopifyLocation -Shop {profile.Name}, then Set-ShopifyLocation -StockCalculation."));
            yield break;
        }

        using var run = new Run(context, options, enabled);
        foreach (var (variants, isLast) in run.Batches())
        {
            var plans = new List<LevelPlan>();
            foreach (var skipped in run.Plan(variants, plans)) yield return skipped;
            await run.ReadShopifyAsync(plans, isLast, cancellationToken).ConfigureAwait(false);
            foreach (var result in run.ApplyReads(plans)) yield return result;
            foreach (var result in run.Park(plans)) yield return result;
            foreach (var result in run.Compare(plans)) yield return result;
            run.FinishBatch(plans);
            await foreach (var result in run.WriteAsync(all: false, cancellationToken).ConfigureAwait(false)) yield return result;
        }
        await foreach (var result in run.ActivateAsync(cancellationToken).ConfigureAwait(false)) yield return result;
        await foreach (var result in run.WriteAsync(all: true, cancellationToken).ConfigureAwait(false)) yield return result;
        run.Finish();
    }

    /// <summary>What Shopify answered for one activation: the level, or why not.</summary>
    private sealed record Activation(LevelPlan Plan, JObject? Level, IReadOnlyList<string> Problems);

    /// <summary>The state of one run; the read, the mirror rows and the scope are those of the current batch.</summary>
    private sealed class Run : IDisposable
    {
        private readonly ShopSession _context;
        private readonly InventorySyncOptions _options;
        private readonly IReadOnlyList<(ShopLocation Location, LocationFilter Filter)> _enabled;
        private readonly string _shop;
        private readonly string _runId = Guid.NewGuid().ToString("N");
        private readonly ShopifyLevelReader _reader;
        private readonly Dictionary<(string VariantId, string LocationId), ShopInventory> _mirror = new();
        private readonly HashSet<string> _scope = new(StringComparer.Ordinal);
        /// <summary>Levels that differ, waiting for a full call of <see cref="QuantityWriter.BatchSize"/>.</summary>
        private readonly List<LevelPlan> _changed = new();
        private ShopifyLevels _read = new();
        private QuantityWriter? _writer;
        /// <summary>The whole shop's stock from one bulk query, once the first batch has shown the run is large.</summary>
        private StagedLevels? _staged;
        /// <summary>The levels to stock, from every batch, stocked together at the end of the run.</summary>
        private ParkedLevels? _parked;
        private bool? _bulk;
        private int _planned;
        private int _written;

        public Run(ShopSession context, InventorySyncOptions options, IReadOnlyList<(ShopLocation, LocationFilter)> enabled)
        {
            _context = context;
            _options = options;
            _enabled = enabled;
            _shop = context.Profile.Name;
            QuantityName = ShopifyLevels.QuantityName(context.Profile.Items.InventoryQuantityName);
            _reader = new ShopifyLevelReader(context.Client, QuantityName, context.Profile.Locations.Count);
        }

        public string QuantityName { get; }

        private IConnectorStore Connector => _context.Store.Connector;

        /// <summary>V1, V4: the stock every tracked, mapped variant of the batch should have at every enabled location.</summary>
        public IEnumerable<SyncResult> Plan(IReadOnlyList<ShopVariant> variants, List<LevelPlan> plans)
        {
            _read = new ShopifyLevels();
            _mirror.Clear();
            _scope.Clear();
            // The batch's items and their stock rows in a few statements, not two per item.
            var itemNos = variants.Where(v => v.Tracked).Select(v => v.ItemNo).Distinct(StringComparer.Ordinal).ToList();
            var items = _context.Store.Erp.RowsIn(ErpTables.Items, "No", itemNos).ToDictionary(i => i.No, StringComparer.Ordinal);
            var stock = _context.Store.Erp.StockOfItems(itemNos).GroupBy(r => r.ItemNo, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ItemStock(g.ToList()), StringComparer.Ordinal);
            var units = new VariantUnits(_context.Store.Erp);
            foreach (var variant in variants)
            {
                if (_planned++ % 100 == 0) _context.Progress.Report(RunEvent.Progress($"Calculating stock: {_planned} variants", _planned, 0));
                if (!variant.Tracked)
                {
                    yield return Result(variant, SyncAction.Skipped, "Shopify does not track this variant's inventory, so no stock is synchronized: turn on 'Track quantity' for it in Shopify admin (products ShopifyPS creates are tracked with Set-ShopifyShop -InventoryTracked $true).");
                    continue;
                }
                if (!items.TryGetValue(variant.ItemNo, out var item))
                {
                    yield return Result(variant, SyncAction.Skipped, $"The item '{variant.ItemNo}' it is mapped to is not in the item store: load it with Import-ShopifyErpData, or map the SKU to another item with Set-ShopifySkuMapping.");
                    continue;
                }
                if (item.Type != ItemType.Inventory)
                {
                    yield return Result(variant, SyncAction.Skipped, $"Item '{item.No}' is a {item.Type} item, which has no stock: only Inventory items are synchronized (Set-ShopifyItem -No {item.No} -Type Inventory, if it should have stock).");
                    continue;
                }
                var (unit, unitProblem) = units.For(item, variant.UnitOfMeasure);
                if (unit is null)
                {
                    yield return Result(variant, SyncAction.Skipped, unitProblem!);
                    continue;
                }
                var itemStock = stock.GetValueOrDefault(item.No, NoStock);
                _scope.Add(variant.Id);
                var variantCode = variant.MappedByItem ? "" : variant.VariantCode;
                // Only the variant's own rows go to the calculation: an item of 10 variants at 3 locations would otherwise
                // have all 30 rows filtered for each of its 30 levels.
                var rows = variantCode.Length == 0 ? itemStock.All : itemStock.ByVariant[variantCode.Trim()];
                foreach (var (location, filter) in _enabled)
                {
                    var figure = StockCalculator.Calculate(location.StockCalculation, filter, item, variantCode, rows, unit.QtyPerUnit)!;
                    if (figure.WasNegative)
                        _context.Progress.Report(RunEvent.Warning(
                            $"Item {Code(variant)} at {location.Name}: the calculated stock is {figure.Calculated}; Shopify gets 0."));
                    plans.Add(new LevelPlan(variant, location, figure));
                }
            }
            if (_scope.Count == 0) yield break;
            // A whole-shop batch is a page of the mirror in id order, so its rows are one range; the variants of a filtered
            // run may lie anywhere, and a range from the first to the last could span the whole shop.
            var mirrorRows = _options.WholeShop
                ? Connector.InventoryOfVariants(_shop, _scope.Min(StringComparer.Ordinal)!, _scope.Max(StringComparer.Ordinal)!)
                : _scope.SelectMany(id => Connector.InventoryOfVariant(_shop, id));
            foreach (var row in mirrorRows)
                if (_scope.Contains(row.VariantId)) _mirror[(row.VariantId, row.LocationId)] = row;
        }

        private static readonly (IReadOnlyList<StockEntry> All, ILookup<string, StockEntry> ByVariant) NoStock = ItemStock([]);

        private static (IReadOnlyList<StockEntry> All, ILookup<string, StockEntry> ByVariant) ItemStock(IReadOnlyList<StockEntry> rows) =>
            (rows, rows.ToLookup(r => r.VariantCode.Trim(), StringComparer.OrdinalIgnoreCase));

        /// <summary>The mapped variants the options select, without those of products the connector no longer syncs, in
        /// batches of <see cref="InventorySyncOptions.BatchSize"/>; the whole shop is read from the mirror page by page.</summary>
        public IEnumerable<(IReadOnlyList<ShopVariant> Variants, bool IsLast)> Batches()
        {
            var removed = Connector.Products(_shop).Where(p => p.Removed).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var batches = (_options.WholeShop
                    ? Pages()
                    : _options.ItemNos.SelectMany(no => Connector.VariantsOfItem(_shop, no))
                        .Concat(_options.ProductIds.SelectMany(id => Connector.VariantsOfProduct(_shop, id)))
                        .DistinctBy(v => v.Id))
                .Where(v => v.ItemNo.Length > 0 && !removed.Contains(v.ProductId))
                .Chunk(Math.Max(1, _options.BatchSize));
            using var next = batches.GetEnumerator();
            var more = next.MoveNext();
            while (more)
            {
                var batch = next.Current;
                more = next.MoveNext();
                yield return (batch, !more);
            }
        }

        private IEnumerable<ShopVariant> Pages()
        {
            var size = Math.Max(1, _options.BatchSize);
            for (var page = Connector.Variants(_shop, null, size); page.Count > 0; page = Connector.Variants(_shop, page[^1].Id, size))
                foreach (var variant in page) yield return variant;
        }

        /// <summary>V5: Shopify's stock for the planned levels: with one bulk query when the run is large (decided on its
        /// first batch: more batches follow, or its levels reach the threshold; the query reads the whole shop, but outside
        /// the point budget), else a few variants per call; under -SkipImport only the variants the mirror knows no level of.</summary>
        public async Task ReadShopifyAsync(List<LevelPlan> plans, bool isLast, CancellationToken cancellationToken)
        {
            var progress = _context.Progress;
            if (_options.SkipImport)
            {
                var unknown = plans.Where(p => !_mirror.ContainsKey((p.Variant.Id, p.Location.Id))).Select(p => p.Variant.Id).Distinct().ToList();
                await _reader.ReadVariantsAsync(unknown, _read, progress, cancellationToken).ConfigureAwait(false);
                return;
            }
            _bulk ??= !isLast || plans.Count >= _options.BulkReadThreshold;
            if (_bulk == false)
            {
                await _reader.ReadVariantsAsync(_scope.ToList(), _read, progress, cancellationToken).ConfigureAwait(false);
                progress.Report(RunEvent.Verbose($"Read {_read.Count} inventory levels from Shopify."));
                return;
            }
            if (_staged is null)
            {
                _staged = new StagedLevels(_enabled.Select(e => e.Location.Id).ToList());
                await _reader.StageAllAsync(_staged, progress, cancellationToken).ConfigureAwait(false);
            }
            _staged.Load(_scope, _read);
        }

        /// <summary>Takes what was read (or, for what was not, what the mirror knows) into the plans.</summary>
        public IEnumerable<SyncResult> ApplyReads(List<LevelPlan> plans)
        {
            var now = DateTimeOffset.UtcNow;
            var dropped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                var variantId = plan.Variant.Id;
                if (_read.IsMissing(variantId) || _read.IsUntracked(variantId))
                {
                    if (dropped.Add(variantId))
                        yield return Result(plan.Variant, _read.IsMissing(variantId) ? SyncAction.Failed : SyncAction.Skipped, _read.IsMissing(variantId)
                            ? "The variant no longer exists in Shopify; Sync-ShopifyProduct updates the connector's mirror."
                            : "Shopify does not track this variant's inventory, so no stock is synchronized: turn on 'Track quantity' for it in Shopify admin (products ShopifyPS creates are tracked with Set-ShopifyShop -InventoryTracked $true).");
                    continue;
                }
                if (_read.WasRead(variantId))
                {
                    plan.InventoryItemId = _read.InventoryItemOf(variantId) ?? plan.InventoryItemId;
                    plan.ShopifyStock = _read.Find(variantId, plan.Location.Id)?.Quantity;
                    plan.ShopifyStockAt = now;
                    plan.Known = plan.ShopifyStock is not null || _read.IsComplete(variantId);
                }
                else if (_mirror.TryGetValue((variantId, plan.Location.Id), out var row))
                {
                    if (row.InventoryItemId.Length > 0) plan.InventoryItemId = row.InventoryItemId;
                    plan.ShopifyStock = (int?)row.ShopifyStock;
                    plan.ShopifyStockAt = row.ShopifyStockAt;
                    plan.Known = true;
                }
            }
            plans.RemoveAll(p => dropped.Contains(p.Variant.Id));
        }

        /// <summary>Takes the batch's levels at enabled locations that do not stock the variant yet out of the batch, to be
        /// stocked at the end of the run (<see cref="ActivateAsync"/>); under -WhatIf they stay, planned as stocked.</summary>
        public IEnumerable<SyncResult> Park(List<LevelPlan> plans)
        {
            var toActivate = plans.Where(p => p.ShopifyStock is null).ToList();
            foreach (var plan in toActivate) plan.Activated = plan.Known;
            if (_context.WhatIf || toActivate.Count == 0) yield break;
            plans.RemoveAll(p => p.ShopifyStock is null);
            foreach (var plan in toActivate)
            {
                if (plan.InventoryItemId.Length > 0)
                {
                    (_parked ??= new ParkedLevels(_enabled.Select(e => e.Location))).Add(plan);
                    continue;
                }
                yield return Result(plan, SyncAction.Failed, $"{plan.Location.Name}: Shopify's inventory item of this variant is not known; Sync-ShopifyProduct updates the connector's mirror.");
            }
        }

        /// <summary>Stocks the variants at enabled locations that do not stock them yet (Business Central leaves that to the
        /// user), for the whole run at once: from <see cref="BulkActivateThreshold"/> levels on one bulk mutation stocks them
        /// all, however many batches found them. A level that could not be read is activated too: activating an existing
        /// level changes nothing and answers its quantities. Each answered level is then compared and queued like any
        /// other, a write call's worth at a time.</summary>
        public async IAsyncEnumerable<SyncResult> ActivateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (_parked is null) yield break;
            var answered = new List<LevelPlan>();
            var activations = _parked.Count >= BulkActivateThreshold ? ActivateBulkAsync(_parked, cancellationToken) : ActivateEachAsync(_parked, cancellationToken);
            await foreach (var (plan, level, problems) in activations.ConfigureAwait(false))
            {
                if (problems.Count > 0 || level is null)
                {
                    var why = problems.Count > 0 ? string.Join("; ", problems) : "Shopify answered no inventory level.";
                    yield return Result(plan, SyncAction.Failed, $"{plan.Location.Name}: Shopify did not stock the variant there: {why}");
                    continue;
                }
                plan.ShopifyStock = ShopifyLevels.QuantityOf(level["quantities"], QuantityName);
                plan.ShopifyStockAt = DateTimeOffset.UtcNow;
                answered.Add(plan);
                if (answered.Count < QuantityWriter.BatchSize) continue;
                foreach (var result in Compare(answered)) yield return result;
                answered.Clear();
                await foreach (var result in WriteAsync(all: false, cancellationToken).ConfigureAwait(false)) yield return result;
            }
            foreach (var result in Compare(answered)) yield return result;
        }

        /// <summary>One inventoryActivate (10 points) per level.</summary>
        private async IAsyncEnumerable<Activation> ActivateEachAsync(ParkedLevels levels, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var n = 0;
            foreach (var plan in levels.Levels())
            {
                _context.Progress.Report(RunEvent.Progress($"Stocking variants at locations: {++n} of {levels.Count}", n, levels.Count));
                var payload = (await _context.Client.ExecuteAsync("InventoryActivate", ActivateVariables(plan), cancellationToken).ConfigureAwait(false)).Payload();
                yield return new Activation(plan, payload.Data["inventoryLevel"] as JObject, payload.UserErrors.Select(e => e.ToString()).ToList());
            }
        }

        /// <summary>The same inventoryActivate lines as one bulk mutation (BENCHMARKS.md), outside the point budget; each line
        /// carries its own idempotency key.</summary>
        private async IAsyncEnumerable<Activation> ActivateBulkAsync(ParkedLevels levels, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            _context.Progress.Report(RunEvent.Verbose($"Stocking {levels.Count} levels as one bulk mutation (from {BulkActivateThreshold} levels on)."));
            var answered = new BitArray(levels.Count);
            var lines = new BulkMutationRunner(_context.Client).RunAsync("InventoryActivate", levels.Levels().Select(ActivateVariables), null, cancellationToken);
            await foreach (var line in lines.ConfigureAwait(false))
            {
                if (line.LineNumber < 0 || line.LineNumber >= levels.Count || answered[line.LineNumber]) continue;
                answered[line.LineNumber] = true;
                var problems = line.Errors.Select(e => e.ToString()).Concat(line.UserErrors.Select(e => e.ToString())).ToList();
                yield return new Activation(levels.Level(line.LineNumber), line.Payload?["inventoryLevel"] as JObject, problems);
            }
            for (var i = 0; i < levels.Count; i++)
                if (!answered[i]) yield return new Activation(levels.Level(i), null, ["The bulk operation returned no result for this level; run the sync again."]);
        }

        /// <summary>The key is derived from the run and the level, so a retry of the same activation in this run replays
        /// Shopify's first answer.</summary>
        private object ActivateVariables(LevelPlan plan) => new
        {
            inventoryItemId = plan.InventoryItemId,
            locationId = plan.Location.Id,
            idempotencyKey = QuantityWriter.Key($"{_runId}\nactivate\n{plan.InventoryItemId}\n{plan.Location.Id}"),
        };

        /// <summary>The batch's levels that need no write are saved (unless the mirror holds them already) and reported;
        /// the others join the write queue.</summary>
        public IEnumerable<SyncResult> Compare(List<LevelPlan> plans)
        {
            var unchanged = new List<LevelPlan>();
            foreach (var plan in plans) (plan.Differs ? _changed : unchanged).Add(plan);
            Save(unchanged.Where(p => !MirrorHolds(p)));
            foreach (var plan in unchanged)
                yield return plan.Activated
                    ? Result(plan, SyncAction.Created, plan.Describe(QuantityName))
                    : Result(plan, SyncAction.Unchanged, $"{plan.Location.Name}: {QuantityName} {plan.Target}");
        }

        /// <summary>V6: only the differences, in calls of at most 250 quantities: the full calls the queue holds, and after
        /// the last batch the rest, so batches never cost a call more than the run's differences need.</summary>
        public async IAsyncEnumerable<SyncResult> WriteAsync(bool all, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (_context.WhatIf)
            {
                foreach (var plan in _changed)
                    yield return Result(plan, plan.Activated ? SyncAction.Created : SyncAction.Updated, plan.Describe(QuantityName));
                _changed.Clear();
                yield break;
            }
            _writer ??= new QuantityWriter(_context.Client, _reader, QuantityName, _runId);
            while (_changed.Count >= QuantityWriter.BatchSize || (all && _changed.Count > 0))
            {
                var batch = _changed.Take(QuantityWriter.BatchSize).ToList();
                _changed.RemoveRange(0, batch.Count);
                _written += batch.Count;
                _context.Progress.Report(RunEvent.Progress($"Writing stock: {_written} levels", _written, 0));
                var outcomes = await _writer.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                Save(batch);
                foreach (var outcome in outcomes) yield return Result(outcome.Level, outcome.Action, outcome.Message);
            }
        }

        /// <summary>The mirror row of an unchanged level already has its figures: it keeps them, with the times since when
        /// they hold, rather than being rewritten for its times alone (most levels of a nightly sync of a large catalog;
        /// docs/architecture.md).</summary>
        private bool MirrorHolds(LevelPlan plan) =>
            _mirror.TryGetValue((plan.Variant.Id, plan.Location.Id), out var row)
            && row.ShopifyStock == plan.ShopifyStock && row.CalculatedStock == plan.Target && row.InventoryItemId == plan.InventoryItemId;

        /// <summary>V5: the stock last known in Shopify and the stock last calculated, with since when, per level.</summary>
        private void Save(IEnumerable<LevelPlan> plans)
        {
            if (_context.WhatIf) return;
            var rows = plans.Where(p => p.ShopifyStock is not null).ToList();
            if (rows.Count == 0) return;
            var now = DateTimeOffset.UtcNow;
            using var transaction = Connector.BeginTransaction();
            foreach (var plan in rows)
                Connector.SaveInventory(new ShopInventory
                {
                    Shop = _shop, VariantId = plan.Variant.Id, LocationId = plan.Location.Id, InventoryItemId = plan.InventoryItemId,
                    ShopifyStock = plan.ShopifyStock, ShopifyStockAt = plan.ShopifyStockAt, CalculatedStock = plan.Target, CalculatedAt = now,
                });
            transaction.Commit();
        }

        /// <summary>Removes the batch's mirror rows Shopify no longer has, or of locations no longer synchronized, for the
        /// variants read in full.</summary>
        public void FinishBatch(List<LevelPlan> plans)
        {
            if (_context.WhatIf) return;
            var current = plans.Where(p => p.ShopifyStock is not null).Select(p => (p.Variant.Id, p.Location.Id)).ToHashSet();
            var gone = _mirror.Keys.Where(k => _read.IsComplete(k.VariantId) && !current.Contains(k)).ToList();
            if (gone.Count == 0) return;
            using var transaction = Connector.BeginTransaction();
            foreach (var key in gone) Connector.DeleteInventory(_shop, key.VariantId, key.LocationId);
            transaction.Commit();
        }

        /// <summary>Records the sync time.</summary>
        public void Finish()
        {
            if (!_context.WhatIf) Connector.SetLastSync(_shop, SyncKind.Inventory, DateTimeOffset.UtcNow);
        }

        public void Dispose()
        {
            _staged?.Dispose();
            _parked?.Dispose();
        }

        public SyncResult Result(LevelPlan plan, SyncAction action, string message) => Result(plan.Variant, action, message);

        public SyncResult Result(ShopVariant variant, SyncAction action, string message) =>
            new(action, variant.ItemNo, variant.VariantCode, variant.ProductId, variant.Id, message, _context.WhatIf);

        private static string Code(ShopVariant variant) => variant.VariantCode.Length > 0 ? $"{variant.ItemNo}/{variant.VariantCode}" : variant.ItemNo;
    }
}
