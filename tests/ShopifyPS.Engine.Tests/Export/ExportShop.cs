using Newtonsoft.Json.Linq;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Erp.Import;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Tests.Integration;

namespace ShopifyPS.Tests.Export;

/// <summary>An emulator shop and an in-memory store loaded with the example data set (examples/data), for export jobs.</summary>
internal sealed class ExportShop : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    private ExportShop(EmulatorShop shop, SqliteStore store)
    {
        Shop = shop;
        Store = store;
        Profile = shop.Profile();
    }

    public EmulatorShop Shop { get; }
    public SqliteStore Store { get; }
    public ShopProfile Profile { get; }

    public static async Task<ExportShop> StartAsync()
    {
        var store = SqliteStore.OpenInMemory();
        var result = new ErpDataImporter(store.Erp).Import(ExamplesData, false, new Progress<RunEvent>(), CancellationToken.None);
        Assert.Empty(result.Errors);
        return new ExportShop(await EmulatorShop.StartAsync(bucket: 20000, restoreRate: 10000), store);
    }

    public static string ExamplesData
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ShopifyPS.sln"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("No ShopifyPS.sln above the test folder."), "examples", "data");
        }
    }

    public ShopSession Context(bool whatIf = false) =>
        new(Profile, Shop.Client(), Store, new Progress<RunEvent>(), whatIf, Today, new ShopifyHome(Path.GetTempPath()));

    public static async Task<List<SyncResult>> ListAsync(IAsyncEnumerable<SyncResult> results)
    {
        var list = new List<SyncResult>();
        await foreach (var result in results) list.Add(result);
        return list;
    }

    /// <summary>Add-ShopifyItem for these items.</summary>
    public Task<List<SyncResult>> AddAsync(params string[] numbers) =>
        ListAsync(new ProductExportJob(Context()).AddItemsAsync(new ItemSelection { Numbers = numbers }));

    /// <summary>Sync-ShopifyProduct (ToShopify) of every linked product.</summary>
    public Task<List<SyncResult>> SyncAsync(bool force = false, bool whatIf = false) => ListAsync(new ProductExportJob(Context(whatIf)).SyncLinkedAsync([], force));

    /// <summary>Changes an item in the item store.</summary>
    public void ChangeItem(string no, Action<Item> change)
    {
        var item = Store.Erp.RowsIn(ErpTables.Items, "No", [no]).Single();
        change(item);
        Store.Erp.Upsert(ErpTables.Items, item);
    }

    /// <summary>The mutations the emulator received (its request log), by operation name.</summary>
    public async Task<List<string>> MutationsAsync() =>
        (await Shop.RequestsAsync()).Where(r => r.Value<string>("document")!.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
            .Select(r => r.Value<string>("operationName")!).ToList();

    /// <summary>The emulator's products (GET /emulator/state).</summary>
    public async Task<List<JObject>> ProductsAsync()
    {
        using var http = new HttpClient { BaseAddress = Shop.Emulator.BaseUri };
        var state = JObject.Parse(await http.GetStringAsync("emulator/state"));
        return state["products"]!.Children<JObject>().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Shop.DisposeAsync();
    }
}
