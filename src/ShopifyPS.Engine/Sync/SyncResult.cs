using ShopifyPS.Sync;
using ShopifyPS.Erp;

namespace ShopifyPS;

/// <summary>What happened to one record in a sync (docs/architecture.md).</summary>
public enum SyncAction { Created, Updated, Unchanged, Skipped, Failed }

/// <summary>
/// One record's outcome, written to the pipeline by every sync cmdlet. Under -WhatIf the same records
/// come out with <see cref="Planned"/> set and nothing changed.
/// </summary>
public sealed class SyncResult
{
    public SyncResult(SyncAction action, string itemNo, string variantCode, string productId, string variantId, string message, bool planned = false, ErrorId? errorId = null)
    {
        Action = action;
        ItemNo = itemNo;
        VariantCode = variantCode;
        ProductId = productId;
        VariantId = variantId;
        Message = message;
        Planned = planned;
        ErrorId = errorId;
    }

    public SyncAction Action { get; }
    /// <summary><see cref="Action"/> as its name: ConvertTo-Json writes enum values as numbers.</summary>
    public string ActionName => Action.ToString();
    public string ItemNo { get; }
    public string VariantCode { get; }
    public string ProductId { get; }
    public string VariantId { get; }
    public string Message { get; }
    /// <summary>Why a failed record failed, when that is more precise than ShopifySyncRecordFailed: Shopify refused the
    /// input (ShopifyUserError), the VAT setup is missing (ShopifyVatSetupMissing); or why a skipped record's input is
    /// unusable (ShopifyPictureUnusable). The cmdlets write it as an error record with this id. Null otherwise.</summary>
    public ErrorId? ErrorId { get; }
    /// <summary>True when the result describes what a -WhatIf run would have done.</summary>
    public bool Planned { get; }
    /// <summary>The item as the sync left it, when the sync created or changed it (an import from Shopify), so a
    /// script can hand it on: <c>| Select-Object -ExpandProperty Item | Export-Csv</c>. Null otherwise.</summary>
    public ErpItem? Item { get; init; }
    /// <summary>What the command did to the product in Shopify itself, in words (Remove-ShopifyProduct: "status set
    /// to Archived", "left as it is (actionForRemovedProducts: DoNothing)"). Empty when the result does not say.</summary>
    public string InShopify { get; init; } = "";

    public override string ToString() => $"{Action} {ItemNo}{(VariantCode.Length > 0 ? "/" + VariantCode : "")}: {Message}";
}
