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

        var run = new Run(context, options, enabled);
        var plans = new List<LevelPlan>();
        foreach (var skipped in run.Plan(plans)) yield return skipped;
        await run.ReadShopifyAsync(plans, cancellationToken).ConfigureAwait(false);
        foreach (var result in run.ApplyReads(plans)) yield return result;
        await foreach (var result in run.ActivateAsync(plans, cancellationToken).ConfigureAwait(false)) yield return result;

        var changed = new List<LevelPlan>();
        var unchanged = new List<LevelPlan>();
        foreach (var plan in plans) (plan.Differs ? changed : unchanged).Add(plan);
        run.Save(unchanged);
        foreach (var plan in unchanged)
            yield return plan.Activated
                ? run.Result(plan, SyncAction.Created, plan.Describe(run.QuantityName))
                : run.Result(plan, SyncAction.Unchanged, $"{plan.Location.Name}: {run.QuantityName} {plan.Target}");
        await foreach (var result in run.WriteAsync(changed, cancellationToken).ConfigureAwait(false)) yield return result;
        run.Finish(plans);
    }

    /// <summary>What Shopify answered for one activation: the level, or why not.</summary>
    private sealed record Activation(LevelPlan Plan, JObject? Level, IReadOnlyList<string> Problems);

    /// <summary>The state of one run.</summary>
    private sealed class Run
    {
        private readonly ShopSession _context;
        private readonly InventorySyncOptions _options;
        private readonly IReadOnlyList<(ShopLocation Location, LocationFilter Filter)> _enabled;
        private readonly string _shop;
        private readonly string _runId = Guid.NewGuid().ToString("N");
        private readonly ShopifyLevelReader _reader;
        private readonly ShopifyLevels _read = new();
        private readonly Dictionary<(string VariantId, string LocationId), ShopInventory> _mirror = new();
        private readonly HashSet<string> _scope = new(StringComparer.Ordinal);

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

        /// <summary>V1, V4: the stock every tracked, mapped variant in scope should have at every enabled location.</summary>
        public IEnumerable<SyncResult> Plan(List<LevelPlan> plans)
        {
            var items = new Dictionary<string, Item?>(StringComparer.Ordinal);
            var stock = new Dictionary<string, IReadOnlyList<StockEntry>>(StringComparer.Ordinal);
            var units = new VariantUnits(_context.Store.Erp);
            var variants = Variants().ToList();
            for (var n = 0; n < variants.Count; n++)
            {
                var variant = variants[n];
                if (n % 100 == 0) _context.Progress.Report(RunEvent.Progress($"Calculating stock: {n} of {variants.Count} variants", n, variants.Count));
                if (!variant.Tracked)
                {
                    yield return Result(variant, SyncAction.Skipped, "Shopify does not track this variant's inventory, so no stock is synchronized: turn on 'Track quantity' for it in Shopify admin (products ShopifyPS creates are tracked with Set-ShopifyShop -InventoryTracked $true).");
                    continue;
                }
                if (!items.TryGetValue(variant.ItemNo, out var item))
                    items[variant.ItemNo] = item = _context.Store.Erp.Rows(ErpTables.Items, ("No", variant.ItemNo)).FirstOrDefault();
                if (item is null)
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
                if (!stock.TryGetValue(item.No, out var rows))
                    stock[item.No] = rows = _context.Store.Erp.Rows(ErpTables.Stock, ("ItemNo", item.No));
                _scope.Add(variant.Id);
                var variantCode = variant.MappedByItem ? "" : variant.VariantCode;
                foreach (var (location, filter) in _enabled)
                {
                    var figure = StockCalculator.Calculate(location.StockCalculation, filter, item, variantCode, rows, unit.QtyPerUnit)!;
                    if (figure.WasNegative)
                        _context.Progress.Report(RunEvent.Warning(
                            $"Item {Code(variant)} at {location.Name}: the calculated stock is {figure.Calculated}; Shopify gets 0."));
                    plans.Add(new LevelPlan(variant, location, figure));
                }
            }
            foreach (var row in Connector.Inventory(_shop))
                if (_scope.Contains(row.VariantId)) _mirror[(row.VariantId, row.LocationId)] = row;
        }

        /// <summary>The mapped variants the options select, without those of products the connector no longer syncs.</summary>
        private IEnumerable<ShopVariant> Variants()
        {
            var removed = Connector.Products(_shop).Where(p => p.Removed).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            IEnumerable<ShopVariant> variants = _options.WholeShop
                ? Connector.Variants(_shop)
                : _options.ItemNos.SelectMany(no => Connector.VariantsOfItem(_shop, no))
                    .Concat(_options.ProductIds.SelectMany(id => Connector.VariantsOfProduct(_shop, id)))
                    .DistinctBy(v => v.Id);
            return variants.Where(v => v.ItemNo.Length > 0 && !removed.Contains(v.ProductId));
        }

        /// <summary>V5: Shopify's stock for the planned levels: with one bulk query when there are many (it reads the whole
        /// shop, but outside the point budget), else a few variants per call; under -SkipImport only the variants the
        /// mirror knows no level of.</summary>
        public async Task ReadShopifyAsync(List<LevelPlan> plans, CancellationToken cancellationToken)
        {
            var progress = _context.Progress;
            if (_options.SkipImport)
            {
                var unknown = plans.Where(p => !_mirror.ContainsKey((p.Variant.Id, p.Location.Id))).Select(p => p.Variant.Id).Distinct().ToList();
                await _reader.ReadVariantsAsync(unknown, _read, progress, cancellationToken).ConfigureAwait(false);
            }
            else if (plans.Count >= _options.BulkReadThreshold)
                await _reader.ReadAllAsync(_scope, _enabled.Select(e => e.Location.Id).ToHashSet(StringComparer.Ordinal), _read, progress, cancellationToken).ConfigureAwait(false);
            else
                await _reader.ReadVariantsAsync(_scope.ToList(), _read, progress, cancellationToken).ConfigureAwait(false);
            progress.Report(RunEvent.Verbose($"Read {_read.Count} inventory levels from Shopify."));
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

        /// <summary>Stocks the variants at enabled locations that do not stock them yet (Business Central leaves that to the
        /// user). A level that could not be read is activated too: activating an existing level changes nothing and
        /// answers its quantities. From <see cref="BulkActivateThreshold"/> levels on, one bulk mutation stocks them all.</summary>
        public async IAsyncEnumerable<SyncResult> ActivateAsync(List<LevelPlan> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var toActivate = plans.Where(p => p.ShopifyStock is null).ToList();
            foreach (var plan in toActivate) plan.Activated = plan.Known;
            if (_context.WhatIf || toActivate.Count == 0) yield break;
            var failed = new HashSet<LevelPlan>();
            var sendable = new List<LevelPlan>();
            foreach (var plan in toActivate)
            {
                if (plan.InventoryItemId.Length > 0)
                {
                    sendable.Add(plan);
                    continue;
                }
                failed.Add(plan);
                yield return Result(plan, SyncAction.Failed, $"{plan.Location.Name}: Shopify's inventory item of this variant is not known; Sync-ShopifyProduct updates the connector's mirror.");
            }
            var activations = sendable.Count >= BulkActivateThreshold ? ActivateBulkAsync(sendable, cancellationToken) : ActivateEachAsync(sendable, cancellationToken);
            await foreach (var (plan, level, problems) in activations.ConfigureAwait(false))
            {
                if (problems.Count > 0 || level is null)
                {
                    failed.Add(plan);
                    var why = problems.Count > 0 ? string.Join("; ", problems) : "Shopify answered no inventory level.";
                    yield return Result(plan, SyncAction.Failed, $"{plan.Location.Name}: Shopify did not stock the variant there: {why}");
                    continue;
                }
                plan.ShopifyStock = ShopifyLevels.QuantityOf(level["quantities"], QuantityName);
                plan.ShopifyStockAt = DateTimeOffset.UtcNow;
            }
            plans.RemoveAll(failed.Contains);
        }

        /// <summary>One inventoryActivate (10 points) per level.</summary>
        private async IAsyncEnumerable<Activation> ActivateEachAsync(List<LevelPlan> levels, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var n = 0; n < levels.Count; n++)
            {
                _context.Progress.Report(RunEvent.Progress($"Stocking variants at locations: {n + 1} of {levels.Count}", n + 1, levels.Count));
                var payload = (await _context.Client.ExecuteAsync("InventoryActivate", ActivateVariables(levels[n]), cancellationToken).ConfigureAwait(false)).Payload();
                yield return new Activation(levels[n], payload.Data["inventoryLevel"] as JObject, payload.UserErrors.Select(e => e.ToString()).ToList());
            }
        }

        /// <summary>The same inventoryActivate lines as one bulk mutation (BENCHMARKS.md), outside the point budget; each line
        /// carries its own idempotency key.</summary>
        private async IAsyncEnumerable<Activation> ActivateBulkAsync(List<LevelPlan> levels, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            _context.Progress.Report(RunEvent.Verbose($"Stocking {levels.Count} levels as one bulk mutation (from {BulkActivateThreshold} levels on)."));
            var answered = new bool[levels.Count];
            var lines = new BulkMutationRunner(_context.Client).RunAsync("InventoryActivate", levels.Select(ActivateVariables), null, cancellationToken);
            await foreach (var line in lines.ConfigureAwait(false))
            {
                if (line.LineNumber < 0 || line.LineNumber >= levels.Count) continue;
                answered[line.LineNumber] = true;
                var problems = line.Errors.Select(e => e.ToString()).Concat(line.UserErrors.Select(e => e.ToString())).ToList();
                yield return new Activation(levels[line.LineNumber], line.Payload?["inventoryLevel"] as JObject, problems);
            }
            for (var i = 0; i < levels.Count; i++)
                if (!answered[i]) yield return new Activation(levels[i], null, ["The bulk operation returned no result for this level; run the sync again."]);
        }

        /// <summary>The key is derived from the run and the level, so a retry of the same activation in this run replays
        /// Shopify's first answer.</summary>
        private object ActivateVariables(LevelPlan plan) => new
        {
            inventoryItemId = plan.InventoryItemId,
            locationId = plan.Location.Id,
            idempotencyKey = QuantityWriter.Key($"{_runId}\nactivate\n{plan.InventoryItemId}\n{plan.Location.Id}"),
        };

        /// <summary>V6: only the differences, in calls of at most 250 quantities.</summary>
        public async IAsyncEnumerable<SyncResult> WriteAsync(List<LevelPlan> changed, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (_context.WhatIf)
            {
                foreach (var plan in changed)
                    yield return Result(plan, plan.Activated ? SyncAction.Created : SyncAction.Updated, plan.Describe(QuantityName));
                yield break;
            }
            var writer = new QuantityWriter(_context.Client, _reader, QuantityName, _runId);
            for (var start = 0; start < changed.Count; start += QuantityWriter.BatchSize)
            {
                var batch = changed.Skip(start).Take(QuantityWriter.BatchSize).ToList();
                _context.Progress.Report(RunEvent.Progress($"Writing stock: {start + batch.Count} of {changed.Count} levels", start + batch.Count, changed.Count));
                var outcomes = await writer.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                Save(batch);
                foreach (var outcome in outcomes) yield return Result(outcome.Level, outcome.Action, outcome.Message);
            }
        }

        /// <summary>V5: the stock last known in Shopify and the stock last calculated, with when, per level.</summary>
        public void Save(IEnumerable<LevelPlan> plans)
        {
            if (_context.WhatIf) return;
            var now = DateTimeOffset.UtcNow;
            using var transaction = Connector.BeginTransaction();
            foreach (var plan in plans.Where(p => p.ShopifyStock is not null))
                Connector.SaveInventory(new ShopInventory
                {
                    Shop = _shop, VariantId = plan.Variant.Id, LocationId = plan.Location.Id, InventoryItemId = plan.InventoryItemId,
                    ShopifyStock = plan.ShopifyStock, ShopifyStockAt = plan.ShopifyStockAt, CalculatedStock = plan.Target, CalculatedAt = now,
                });
            transaction.Commit();
        }

        /// <summary>Removes mirror rows Shopify no longer has, or of locations no longer synchronized, for the variants read
        /// in full; records the sync time.</summary>
        public void Finish(List<LevelPlan> plans)
        {
            if (_context.WhatIf) return;
            var current = plans.Where(p => p.ShopifyStock is not null).Select(p => (p.Variant.Id, p.Location.Id)).ToHashSet();
            using (var transaction = Connector.BeginTransaction())
            {
                foreach (var key in _mirror.Keys.Where(k => _read.IsComplete(k.VariantId) && !current.Contains(k)))
                    Connector.DeleteInventory(_shop, key.VariantId, key.LocationId);
                transaction.Commit();
            }
            Connector.SetLastSync(_shop, SyncKind.Inventory, DateTimeOffset.UtcNow);
        }

        public SyncResult Result(LevelPlan plan, SyncAction action, string message) => Result(plan.Variant, action, message);

        public SyncResult Result(ShopVariant variant, SyncAction action, string message) =>
            new(action, variant.ItemNo, variant.VariantCode, variant.ProductId, variant.Id, message, _context.WhatIf);

        private static string Code(ShopVariant variant) => variant.VariantCode.Length > 0 ? $"{variant.ItemNo}/{variant.VariantCode}" : variant.ItemNo;
    }
}
