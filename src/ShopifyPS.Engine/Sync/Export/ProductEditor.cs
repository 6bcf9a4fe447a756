using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>What Set-ShopifyProduct changes; null (or an empty list for the tag edits) leaves a field as it is.</summary>
public sealed class ProductEdit
{
    public ProductStatus? Status { get; init; }
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
    /// <summary>Replaces the product's tags (E10).</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string> AddTags { get; init; } = [];
    public IReadOnlyList<string> RemoveTags { get; init; } = [];

    public bool PushesToShopify => Status is not null || SeoTitle is not null || SeoDescription is not null;
    public bool EditsTags => Tags is not null || AddTags.Count > 0 || RemoveTags.Count > 0;
}

/// <summary>
/// Ad hoc changes to one product (E10, E12, E13): status and SEO go to Shopify at once (productUpdate); tags are kept
/// in the connector state as the tags ShopifyPS manages, and the next ToShopify sync adds or removes only those that
/// changed (tagsAdd/tagsRemove), so tags set in Shopify stay;
/// removing a product applies actionForRemovedProducts (S5) in Shopify and forgets the product locally.
/// </summary>
public sealed class ProductEditor(ShopSession context)
{
    private IConnectorStore Connector => context.Store.Connector;
    private string Shop => context.Profile.Name;

    public async Task<SyncResult> SetAsync(string productId, ProductEdit edit, CancellationToken cancellationToken)
    {
        var local = Connector.GetProduct(Shop, productId);
        if (edit.EditsTags && local is null)
            return Result(SyncAction.Failed, local, productId, NotLinked(productId, "tags are kept there until the next sync"));

        var changes = new List<string>();
        if (edit.PushesToShopify)
        {
            var current = await new ProductReader(context.Client, variantsPerProduct: 1).GetAsync(productId, cancellationToken).ConfigureAwait(false);
            if (current is null) return Result(SyncAction.Failed, local, productId, $"Shop '{Shop}' has no product {productId}.");
            var status = edit.Status?.ToString().ToUpperInvariant();
            Describe(changes, "status", current.Status, status);
            Describe(changes, "SEO title", current.SeoTitle ?? "", edit.SeoTitle);
            Describe(changes, "SEO description", current.SeoDescription ?? "", edit.SeoDescription);
            if (changes.Count > 0 && !context.WhatIf)
            {
                var product = new JObject { ["id"] = productId };
                if (status is not null) product["status"] = status;
                if (edit.SeoTitle is not null || edit.SeoDescription is not null)
                {
                    var seo = new JObject();
                    if (edit.SeoTitle is not null) seo["title"] = edit.SeoTitle;
                    if (edit.SeoDescription is not null) seo["description"] = edit.SeoDescription;
                    product["seo"] = seo;
                }
                var response = await context.Client.ExecuteAsync("ProductUpdate", new JObject { ["product"] = product }, cancellationToken).ConfigureAwait(false);
                var payload = response.Payload();
                if (!payload.Succeeded)
                    return Result(SyncAction.Failed, local, productId, "Shopify refused the change: " + string.Join("; ", payload.UserErrors));
                if (local is not null && edit.Status is { } newStatus)
                {
                    local.Status = newStatus;
                    Connector.SaveProduct(local);
                }
            }
        }
        if (edit.EditsTags)
        {
            var old = ProductTags.Split(local!.Tags);
            var tags = (edit.Tags ?? old).Concat(edit.AddTags)
                .Where(t => !edit.RemoveTags.Contains(t, StringComparer.OrdinalIgnoreCase))
                .Select(t => t.Trim()).Where(t => t.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (!tags.SequenceEqual(old))
            {
                changes.Add($"tags '{ProductTags.Join(old)}' → '{ProductTags.Join(tags)}' (sent with the next Sync-ShopifyProduct)");
                if (!context.WhatIf)
                {
                    local.Tags = ProductTags.Join(tags);
                    Connector.SaveProduct(local);
                }
            }
        }
        return changes.Count == 0
            ? Result(SyncAction.Unchanged, local, productId, "Nothing to change.")
            : Result(SyncAction.Updated, local, productId, (context.WhatIf ? "Would change " : "Changed ") + string.Join("; ", changes) + ".");
    }

    /// <summary>E13: applies actionForRemovedProducts in Shopify, then removes the product and its variants' links locally.</summary>
    public async Task<SyncResult> RemoveAsync(string productId, CancellationToken cancellationToken)
    {
        var local = Connector.GetProduct(Shop, productId);
        if (local is null) return Result(SyncAction.Failed, null, productId, NotLinked(productId, "nothing was changed"));
        var action = context.Profile.Items.ActionForRemovedProducts;
        var target = RemovalStatus.Target(action);
        var inShopify = target is null || target == local.Status
            ? $"left {local.Status.ToString().ToUpperInvariant()} in Shopify (actionForRemovedProducts {action})"
            : $"status {local.Status.ToString().ToUpperInvariant()} → {target.Value.ToString().ToUpperInvariant()} in Shopify (actionForRemovedProducts {action})";
        if (context.WhatIf) return Result(SyncAction.Updated, local, productId, $"Would remove product {productId} from the connector; {inShopify}.");
        if (target is { } status && status != local.Status)
        {
            try
            {
                await RemovalStatus.SetAsync(context.Client, productId, status, cancellationToken).ConfigureAwait(false);
            }
            catch (ShopifyUserErrorException ex)
            {
                return Result(SyncAction.Failed, local, productId, $"Shopify refused the status change, so the product was kept: {ex.Message}");
            }
        }
        Connector.DeleteProduct(Shop, productId);
        return Result(SyncAction.Updated, local, productId, $"Removed product {productId} from the connector; {inShopify}.");
    }

    private string NotLinked(string productId, string what) =>
        $"Product {productId} is not in the connector state of shop '{Shop}' ({what}). Products get there through Add-ShopifyItem or Sync-ShopifyProduct.";

    private static void Describe(List<string> changes, string field, string now, string? wanted)
    {
        if (wanted is not null && wanted != now) changes.Add($"{field} '{now}' → '{wanted}'");
    }

    private SyncResult Result(SyncAction action, ShopProduct? product, string productId, string message) =>
        new(action, product?.ItemNo ?? "", "", productId, "", message, context.WhatIf);
}
