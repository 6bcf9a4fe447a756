using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>E12, E10: status, SEO and the managed tags go to Shopify at once, whatever the shop's syncItem; the sent tags
/// are recorded so the next ToShopify sync does not send them again.</summary>
[Cmdlet(VerbsCommon.Set, "ShopifyProduct", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SetShopifyProductCommand : ProductEditCmdlet
{
    [Parameter] public ProductStatus Status { get; set; }

    [Parameter] [AllowEmptyString] public string? SeoTitle { get; set; }

    [Parameter] [AllowEmptyString] public string? SeoDescription { get; set; }

    /// <summary>Replaces the tags ShopifyPS manages on the product (an empty list removes them all); admin tags stay.</summary>
    [Parameter] [AllowEmptyCollection] public string[]? Tags { get; set; }

    [Parameter] [ValidateNotNullOrEmpty] public string[]? AddTags { get; set; }

    [Parameter] [ValidateNotNullOrEmpty] public string[]? RemoveTags { get; set; }

    protected override void Begin()
    {
        if (!IsBound(nameof(Status)) && SeoTitle is null && SeoDescription is null && Tags is null && AddTags is null && RemoveTags is null)
            throw Terminate(ErrorCatalog.ProductChangeMissing,
                "Nothing to change: pass -Status, -SeoTitle, -SeoDescription, -Tags, -AddTags or -RemoveTags.", null);
    }

    protected override void Process()
    {
        var edit = new ProductEdit
        {
            Status = IsBound(nameof(Status)) ? Status : null,
            SeoTitle = SeoTitle,
            SeoDescription = SeoDescription,
            Tags = Tags,
            AddTags = AddTags ?? [],
            RemoveTags = RemoveTags ?? [],
        };
        EditEach("Change the product", (editor, id, ct) => editor.SetAsync(id, edit, ct));
    }
}
