using System.Collections;
using System.Globalization;
using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Creates items or changes the columns passed as parameters (by property name, so
/// <c>Import-Csv | Set-ShopifyItem</c> works); -Variants and -Barcodes replace the item's lists.</summary>
[Cmdlet(VerbsCommon.Set, "ShopifyItem", SupportsShouldProcess = true)]
[OutputType(typeof(ErpItem))]
public sealed class SetShopifyItemCommand : StoreCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ItemNo")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string No { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? Description { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public ItemType Type { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? BaseUnitOfMeasure { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? SalesUnitOfMeasure { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public object? UnitPrice { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [BooleanText] public bool PriceIncludesVat { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public object? UnitCost { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public object? GrossWeight { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? VendorNo { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? VendorItemNo { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ArgumentCompleter(typeof(StoreValueCompleter))] [AllowEmptyString] public string? ItemCategoryCode { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? ItemDiscGroup { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? VatProdPostingGroup { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [BooleanText] public bool Blocked { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [BooleanText] public bool SalesBlocked { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? PicturePath { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? TariffNo { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowEmptyString] public string? CountryOfOrigin { get; set; }

    /// <summary>The item's variants: codes, objects with Code (Description, Blocked, PicturePath), or the JSON text Get-ShopifyItem prints.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyCollection] public object?[]? Variants { get; set; }

    /// <summary>The item's barcodes: numbers, objects with ReferenceNo (VariantCode, UnitOfMeasure), or the JSON text Get-ShopifyItem prints.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyCollection] public object?[]? Barcodes { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var store = OpenStore(StoreAccess.Write);
        var catalog = new ItemCatalog(store.Erp, store.Connector);
        ItemChange change;
        try
        {
            change = new ItemChange
            {
                No = No,
                Values = MyInvocation.BoundParameters
                    .Where(p => p.Key != nameof(No) && ErpTables.Items.Column(p.Key) is not null)
                    .Select(p => new KeyValuePair<string, object?>(p.Key, CultureValue(p.Key, p.Value)))
                    .ToList(),
                Variants = IsBound(nameof(Variants)) ? Rows(Variants, "Code") : null,
                Barcodes = IsBound(nameof(Barcodes)) ? Rows(Barcodes, "ReferenceNo") : null,
            };
        }
        catch (ArgumentException ex)
        {
            WriteRecordError(ErrorCatalog.ItemInvalid, $"Item {No}: {ex.Message} Nothing was changed.", No, ex);
            return;
        }

        var exists = catalog.Exists(No);
        if (!ShouldChange($"item {No} in {DatabasePath}", exists ? "Update the item" : "Create the item")) return;
        try
        {
            var result = catalog.Save(change);
            WriteVerbose($"Item {No}: {result.Item}; variants {result.VariantsSaved} saved, {result.VariantsRemoved} removed; barcodes {result.BarcodesSaved} saved, {result.BarcodesRemoved} removed.");
        }
        catch (ArgumentException ex)
        {
            WriteRecordError(ErrorCatalog.ItemInvalid, $"Item {No}: {ex.Message} Nothing was changed.", No, ex);
            return;
        }
        if (PassThru) WriteObject(catalog.Find(new ItemQuery { No = [WildcardPattern.Escape(No)] }).Single());
    }

    /// <summary>Named values per row from strings (plain or JSON), dictionaries or objects.</summary>
    private static List<IReadOnlyDictionary<string, object?>> Rows(object?[]? values, string plainColumn)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var value in values ?? [])
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case null:
                    break;
                case string text:
                    rows.AddRange(ItemCells.Parse(text, plainColumn));
                    break;
                case IFormattable number:
                    // A barcode typed without quotes arrives as a number.
                    rows.Add(new Dictionary<string, object?> { [plainColumn] = number.ToString(null, CultureInfo.InvariantCulture) });
                    break;
                case IDictionary dictionary:
                    rows.Add(dictionary.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => Unwrap(dictionary[k]), StringComparer.OrdinalIgnoreCase));
                    break;
                default:
                    rows.Add(PSObject.AsPSObject(value).Properties.Where(p => p.IsGettable)
                        .ToDictionary(p => p.Name, p => Unwrap(p.Value), StringComparer.OrdinalIgnoreCase));
                    break;
            }
        }
        return rows;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>Amounts given as text (Import-Csv) are read as Export-Csv wrote them in the current culture; an
    /// ambiguous one is refused rather than read with a silent factor of 100.</summary>
    private static object? CultureValue(string column, object? value)
    {
        if (Unwrap(value) is not string { Length: > 0 } text || ErpTables.Items.Column(column)!.Kind != ErpValueKind.Decimal) return Unwrap(value);
        return CultureNumber.Parse(text, CultureInfo.CurrentCulture, out var problem)
            ?? throw new ArgumentException($"{column} {problem}");
    }
}
