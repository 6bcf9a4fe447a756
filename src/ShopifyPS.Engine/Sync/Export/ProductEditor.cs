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
/// Ad hoc changes to one product (E10, E12, E13), sent to Shopify at once whatever the shop's syncItem: status and SEO
/// (productUpdate), and the tags ShopifyPS manages, added or removed one by one (tagsAdd/tagsRemove) so tags set in
/// Shopify stay; the sent tags are recorded, so the next ToShopify sync does not send them again;
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
            return Result(SyncAction.Failed, local, productId, NotLinked(productId, "ShopifyPS changes only the tags it manages, and keeps them there"));

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
                    return Result(SyncAction.Failed, local, productId, "Shopify refused the change: " + string.Join("; ", payload.UserErrors), ErrorCatalog.UserError);
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
            var ignoreCase = StringComparer.OrdinalIgnoreCase;
            var toAdd = tags.Where(t => !old.Contains(t, ignoreCase)).ToList();
            var toRemove = old.Where(t => !tags.Contains(t, ignoreCase)).ToList();
            if (toAdd.Count > 0 || toRemove.Count > 0)
            {
                var described = new List<string>();
                if (toAdd.Count > 0) described.Add("tags added: " + string.Join(", ", toAdd));
                if (toRemove.Count > 0) described.Add("tags removed: " + string.Join(", ", toRemove));
                if (!context.WhatIf)
                {
                    // Only the tags ShopifyPS manages are added or removed; tags set in Shopify admin stay.
                    if (toAdd.Count > 0 && await SendTagsAsync("TagsAdd", productId, toAdd, cancellationToken).ConfigureAwait(false) is { } addError)
                        return Result(SyncAction.Failed, local, productId, Refused(changes, addError), ErrorCatalog.UserError);
                    if (toRemove.Count > 0 && await SendTagsAsync("TagsRemove", productId, toRemove, cancellationToken).ConfigureAwait(false) is { } removeError)
                    {
                        RecordTags(local, old.Concat(toAdd).ToList(), toAdd, []);
                        return Result(SyncAction.Failed, local, productId, Refused(toAdd.Count > 0 ? changes.Append(described[0]).ToList() : changes, removeError), ErrorCatalog.UserError);
                    }
                    RecordTags(local, tags, toAdd, toRemove);
                }
                changes.AddRange(described);
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
        string Name(ProductStatus status) => status.ToString();
        var changesStatus = target is { } wanted && wanted != local.Status;
        var inShopify = changesStatus
            ? $"status set to {Name(target!.Value)} (was {Name(local.Status)}; actionForRemovedProducts: {action})"
            : target is null
                ? $"left as it is (actionForRemovedProducts: {action})"
                : $"left as it is: already {Name(local.Status)} (actionForRemovedProducts: {action})";
        if (context.WhatIf)
            return WithShopify(Result(SyncAction.Updated, local, productId, $"Would remove product {productId} from the connector; in Shopify: {inShopify}."), inShopify);
        if (changesStatus)
        {
            try
            {
                await RemovalStatus.SetAsync(context.Client, productId, target!.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (ShopifyUserErrorException ex)
            {
                return Result(SyncAction.Failed, local, productId, $"Shopify refused the status change, so the product was kept: {ex.Message}", ex.Error);
            }
        }
        Connector.DeleteProduct(Shop, productId);
        return WithShopify(Result(SyncAction.Updated, local, productId, $"In Shopify: {inShopify}. Removed product {productId} from the connector; no sync touches it any more."), inShopify);
    }

    /// <summary>Sends tagsAdd or tagsRemove for one product; null when Shopify accepted it, else what went wrong.</summary>
    private async Task<string?> SendTagsAsync(string document, string productId, List<string> tags, CancellationToken cancellationToken)
    {
        var outcomes = await MutationCalls.SendAsync(context, document, [new JObject { ["id"] = productId, ["tags"] = new JArray(tags) }], cancellationToken).ConfigureAwait(false);
        return outcomes[0].Succeeded ? null : string.Join("; ", outcomes[0].Problems);
    }

    /// <summary>Stores the product's managed tags and records the sent ones, so the next ToShopify sync does not send them again.</summary>
    private void RecordTags(ShopProduct local, List<string> tags, List<string> added, List<string> removed)
    {
        using var transaction = Connector.BeginTransaction();
        local.Tags = ProductTags.Join(tags);
        Connector.SaveProduct(local);
        if (SentFields.ForProduct(Connector, Shop, local.Id) is { } sent)
        {
            sent.Tags.AddRange(added.Where(t => !sent.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
            sent.Tags.RemoveAll(t => removed.Contains(t, StringComparer.OrdinalIgnoreCase));
            sent.SaveProduct(Connector, Shop, local.Id);
        }
        transaction.Commit();
    }

    private static string Refused(List<string> done, string error) =>
        "Shopify refused the tag change: " + error + (done.Count > 0 ? ". Already changed: " + string.Join("; ", done) + "." : ".");

    private string NotLinked(string productId, string what) =>
        $"Product {productId} is not in the connector state of shop '{Shop}' ({what}). Products get there through Add-ShopifyItem or Sync-ShopifyProduct.";

    private static void Describe(List<string> changes, string field, string now, string? wanted)
    {
        if (wanted is not null && wanted != now) changes.Add($"{field} '{now}' → '{wanted}'");
    }

    private static SyncResult WithShopify(SyncResult result, string inShopify) =>
        new(result.Action, result.ItemNo, result.VariantCode, result.ProductId, result.VariantId, result.Message, result.Planned) { InShopify = inShopify };

    private SyncResult Result(SyncAction action, ShopProduct? product, string productId, string message, ErrorId? error = null) =>
        new(action, product?.ItemNo ?? "", "", productId, "", message, context.WhatIf, error);
}
