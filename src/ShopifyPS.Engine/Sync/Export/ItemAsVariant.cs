using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp.Model;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Add-ShopifyItem -AsVariantOf: items added to an existing product as variants of it, as Business Central's "Add Item as
/// Shopify Variant". Each item becomes one variant whose option value is its item
/// no., with the item's price, barcode, SKU, weight and stock, linked to that item. The product must have one option; its
/// default "Title" option is renamed "Variant" first, and the product's own variant stays (PRESERVE_STANDALONE_VARIANT).
/// Not with units of measure as variants. The product's own item, an item with variants and an item already in the shop
/// are skipped.
/// </summary>
internal sealed class ItemAsVariant(ShopSession context, DefaultLocationStock stock)
{
    public const string MultipleOptionsReason = "The product has more than one option. Items cannot be added as variants to a product with multiple options.";

    private IConnectorStore Connector => context.Store.Connector;
    private string Shop => context.Profile.Name;

    public async IAsyncEnumerable<SyncResult> AddAsync(string productId, IReadOnlyList<(ProductDraft Draft, Item Item)> items,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var product = Connector.GetProduct(Shop, productId);
        if (product is null || product.ItemNo.Length == 0)
            throw new ShopifyPSException(ErrorCatalog.ItemAsVariantRefused,
                $"Product {productId} is not linked to an item in shop '{Shop}': add items as variants to a product ShopifyPS created or mapped (Get-ShopifyProduct -Shop {Shop}).", productId);
        var toAdd = new List<(ProductDraft Draft, Item Item)>();
        foreach (var (draft, item) in items)
        {
            if (Skip(draft, product) is { } reason) yield return Result(SyncAction.Skipped, draft.ItemNo, productId, "", reason);
            else toAdd.Add((draft, item));
        }
        if (toAdd.Count == 0) yield break;

        var options = await ProductOptions.ReadAsync(context.Client, productId, cancellationToken).ConfigureAwait(false);
        if (options.Problem is not null || options.Names.Count != 1)
            throw new ShopifyPSException(ErrorCatalog.ItemAsVariantRefused, options.Problem ?? $"{MultipleOptionsReason} Product {productId} has {string.Join(", ", options.Names)}.", productId);
        var optionName = options.Names[0];
        var rename = optionName == ProductSetInput.DefaultOptionName;
        if (rename) optionName = ProductSetInput.VariantOptionName;
        if (context.WhatIf)
        {
            foreach (var (draft, _) in toAdd)
                yield return Result(SyncAction.Created, draft.ItemNo, productId, "",
                    $"Would add item {draft.ItemNo} to product {productId} as the variant '{optionName}' = '{draft.ItemNo}' (price {ProductSetInput.Money(draft.Variants[0].Price)})" +
                    (rename ? "; the option 'Title' would be renamed 'Variant'." : "."));
            yield break;
        }
        if (rename)
            (await context.Client.ExecuteAsync("ProductOptionUpdate", new JObject
            {
                ["productId"] = productId, ["option"] = new JObject { ["id"] = options.Ids![0], ["name"] = optionName },
            }, cancellationToken).ConfigureAwait(false)).Payload().ThrowIfFailed();

        var inputs = toAdd.Select(a => Input(a.Draft, a.Item, optionName)).ToList();
        var payload = (await context.Client.ExecuteAsync("ProductVariantsBulkCreate", new JObject
        {
            ["productId"] = productId, ["variants"] = new JArray(inputs), ["strategy"] = "PRESERVE_STANDALONE_VARIANT",
        }, cancellationToken).ConfigureAwait(false)).Payload();
        if (!payload.Succeeded)
        {
            foreach (var (draft, _) in toAdd)
                yield return Result(SyncAction.Failed, draft.ItemNo, productId, "", $"Shopify refused the variants: {string.Join("; ", payload.UserErrors)}");
            yield break;
        }
        var created = (payload.Data["productVariants"]?.Children<JObject>() ?? []).Select(node => new ShopifyVariant(productId, node)).ToList();
        using (var transaction = Connector.BeginTransaction())
        {
            foreach (var (draft, _) in toAdd)
                if (created.FirstOrDefault(v => v.SelectedOptions.Any(o => o.Value == draft.ItemNo)) is { } variant) Link(draft, variant);
            transaction.Commit();
        }
        foreach (var (draft, _) in toAdd)
        {
            var variant = created.FirstOrDefault(v => v.SelectedOptions.Any(o => o.Value == draft.ItemNo));
            yield return variant is null
                ? Result(SyncAction.Failed, draft.ItemNo, productId, "", "Shopify did not return the new variant; look at the product in Shopify admin before adding the item again.")
                : Result(SyncAction.Created, draft.ItemNo, productId, variant.Id, $"Added item {draft.ItemNo} to product {productId} as the variant '{optionName}' = '{draft.ItemNo}'.");
        }
    }

    private string? Skip(ProductDraft draft, ShopProduct product)
    {
        if (draft.ItemNo == product.ItemNo) return $"Item {draft.ItemNo} is the product's own item; nothing was added.";
        if (Connector.VariantsOfItem(Shop, draft.ItemNo).FirstOrDefault() is { } linked)
            return $"Item {draft.ItemNo} is already in the shop as variant {linked.Id} of product {linked.ProductId}; nothing was added.";
        return draft.Variants.Count == 1 && !draft.HasVariants ? null
            : $"Item {draft.ItemNo} has variants: only an item without variants becomes a variant of another product (Add-ShopifyItem without -AsVariantOf gives it a product of its own).";
    }

    private JObject Input(ProductDraft draft, Item item, string optionName)
    {
        var variant = draft.Variants[0];
        var input = new JObject
        {
            ["optionValues"] = ProductSetInput.OptionValuesInput([optionName], [draft.ItemNo]),
            ["taxable"] = true,
        };
        foreach (var field in ManagedFields.AllVariant) field.Put(input, field.Value(variant));
        if (stock.Any) input["inventoryQuantities"] = stock.BulkCreateQuantities(item, variant);
        return input;
    }

    private void Link(ProductDraft draft, ShopifyVariant variant)
    {
        Connector.SaveVariant(new ShopVariant
        {
            Shop = Shop, Id = variant.Id, ProductId = variant.ProductId, Sku = variant.Sku, Barcode = variant.Barcode,
            ItemNo = draft.ItemNo, MappedByItem = true, InventoryItemId = variant.InventoryItemId, Tracked = variant.Tracked,
        });
        SentFields.Of(draft.Variants[0]).SaveVariant(Connector, Shop, variant.Id);
    }

    private SyncResult Result(SyncAction action, string itemNo, string productId, string variantId, string message) =>
        new(action, itemNo, "", productId, variantId, message, context.WhatIf);
}
