using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Sends planned updates, one document at a time over all products (productUpdate, tagsAdd, tagsRemove,
/// productVariantsBulkUpdate, metafields, translationsRegister: one call per product, or one bulk mutation of them from
/// the bulk threshold on), then the new variants product by product (productVariantsBulkCreate after reading the
/// product's own option). What Shopify accepted is recorded per product, so a failed part is sent again by the next run and nothing else is.
/// </summary>
internal sealed class ProductUpdateSender(ShopSession context, DefaultLocationStock stock)
{
    private IConnectorStore Connector => context.Store.Connector;
    private string Shop => context.Profile.Name;

    public async IAsyncEnumerable<SyncResult> SendAsync(IReadOnlyList<ProductUpdate> updates, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var problems = updates.ToDictionary(u => u, _ => new List<string>());
        var failedVariants = new HashSet<string>();

        await SendEachAsync(updates.Where(u => u.Fields.Count > 0).ToList(), "ProductUpdate", u => new JObject { ["product"] = u.ProductInput() },
            (u, _) =>
            {
                foreach (var change in u.Fields)
                {
                    if (change.Field == "status") u.Product.Status = ProductLinks.ParseStatus(change.New);
                    else u.Sent.Values[change.Field] = change.New;
                }
            }, problems, cancellationToken).ConfigureAwait(false);
        await SendEachAsync(updates.Where(u => u.TagsToAdd.Count > 0).ToList(), "TagsAdd", u => new JObject { ["id"] = u.Product.Id, ["tags"] = new JArray(u.TagsToAdd) },
            (u, _) => u.Sent.Tags.AddRange(u.TagsToAdd.Where(t => !u.Sent.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))), problems, cancellationToken).ConfigureAwait(false);
        await SendEachAsync(updates.Where(u => u.TagsToRemove.Count > 0).ToList(), "TagsRemove", u => new JObject { ["id"] = u.Product.Id, ["tags"] = new JArray(u.TagsToRemove) },
            (u, _) => u.Sent.Tags.RemoveAll(t => u.TagsToRemove.Contains(t, StringComparer.OrdinalIgnoreCase)), problems, cancellationToken).ConfigureAwait(false);
        await SendEachAsync(updates.Where(u => u.Variants.Count > 0).ToList(), "ProductVariantsBulkUpdate",
            u => new JObject { ["productId"] = u.Product.Id, ["variants"] = new JArray(u.Variants.Select(v => v.Input())) },
            (u, outcome) =>
            {
                // allowPartialUpdates: a userError at variants.<i> refused only that variant; no payload refused all.
                if (outcome.Payload is null) failedVariants.UnionWith(u.Variants.Select(v => v.Variant.Id));
                foreach (var error in outcome.UserErrors)
                    if (error.Field is ["variants", var index, ..] && int.TryParse(index, out var i) && i < u.Variants.Count)
                        failedVariants.Add(u.Variants[i].Variant.Id);
                    else
                        failedVariants.UnionWith(u.Variants.Select(v => v.Variant.Id));
            }, problems, cancellationToken, partial: true).ConfigureAwait(false);

        var metafields = await MetafieldSender.SendAsync(context, updates, problems, cancellationToken).ConfigureAwait(false);
        // After productUpdate: a title or description sent above has a new digest, which the sender reads first.
        using (var translations = new PendingTranslations(updates.Count))
        {
            foreach (var update in updates) translations.Add(update.Product.Id, update.Translations);
            await TranslationSender.SendAsync(context, translations, cancellationToken).ConfigureAwait(false);
            foreach (var update in updates)
                if (translations.Refused(update.Product.Id) is { } refused) problems[update].AddRange(refused);
        }

        foreach (var update in updates)
        {
            var created = update.NewVariants.Count == 0 ? []
                : await CreateVariantsAsync(update, problems[update], cancellationToken).ConfigureAwait(false);
            Record(update, failedVariants, created, update.Metafields.Where(metafields.Contains));
            var sent = update.Describe();
            var notes = update.Notes.Count == 0 ? "" : " (" + string.Join("; ", update.Notes) + ")";
            yield return problems[update].Count > 0
                ? new SyncResult(SyncAction.Failed, update.Draft.ItemNo, "", update.Product.Id, "",
                    $"Shopify refused part of the update of product {update.Product.Id}: {string.Join("; ", problems[update])}. Sent: {string.Join("; ", sent)}.{notes}", errorId: ErrorCatalog.UserError)
                : new SyncResult(SyncAction.Updated, update.Draft.ItemNo, "", update.Product.Id, "",
                    $"Updated product {update.Product.Id}: {string.Join("; ", sent)}.{notes}");
        }
    }

    private async Task SendEachAsync(List<ProductUpdate> updates, string document, Func<ProductUpdate, JObject> variables,
        Action<ProductUpdate, MutationOutcome> accepted, Dictionary<ProductUpdate, List<string>> problems, CancellationToken cancellationToken, bool partial = false)
    {
        if (updates.Count == 0) return;
        var outcomes = await MutationCalls.SendAsync(context, document, updates.Select(variables).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < updates.Count; i++)
        {
            if (outcomes[i].Problems.Count > 0) problems[updates[i]].AddRange(outcomes[i].Problems.Select(p => $"{document}: {p}"));
            if (partial || outcomes[i].Succeeded) accepted(updates[i], outcomes[i]);
        }
    }

    /// <summary>Adds the product's new item variants under its own option (or "Variant" when it has only Shopify's
    /// default variant, which productVariantsBulkCreate then replaces), stocked at the default product locations.</summary>
    private async Task<IReadOnlyList<(ShopVariant Variant, VariantDraft Draft)>> CreateVariantsAsync(ProductUpdate update, List<string> problems, CancellationToken cancellationToken)
    {
        var options = await ProductOptions.ReadAsync(context.Client, update.Product.Id, cancellationToken).ConfigureAwait(false);
        var (names, problem) = options.For(update.Draft);
        if (names is null)
        {
            problems.Add(problem!);
            return [];
        }
        var inputs = update.NewVariants.Select(v => VariantCreateInput(update, v, names)).ToList();
        var payload = (await context.Client.ExecuteAsync("ProductVariantsBulkCreate",
            new JObject { ["productId"] = update.Product.Id, ["variants"] = new JArray(inputs) }, cancellationToken).ConfigureAwait(false)).Payload();
        if (!payload.Succeeded)
        {
            problems.AddRange(payload.UserErrors.Select(e => $"ProductVariantsBulkCreate: {e}"));
            return [];
        }
        var created = new List<(ShopVariant, VariantDraft)>();
        foreach (var node in payload.Data["productVariants"]?.Children<JObject>() ?? [])
        {
            var variant = new ShopifyVariant(update.Product.Id, node);
            var value = string.Join(" / ", names.Select(name => variant.SelectedOptions.FirstOrDefault(o => o.Name == name)?.Value));
            var draft = update.NewVariants.FirstOrDefault(v => string.Equals(ProductSetInput.OptionValue(update.Draft, v), value, StringComparison.OrdinalIgnoreCase));
            if (draft is null) continue;
            created.Add((new ShopVariant
            {
                Shop = Shop, Id = variant.Id, ProductId = update.Product.Id, Sku = variant.Sku, Barcode = variant.Barcode,
                ItemNo = update.Draft.ItemNo, VariantCode = draft.VariantCode, InventoryItemId = variant.InventoryItemId, Tracked = variant.Tracked,
                UnitOfMeasure = ProductSetInput.UnitOption(update.Draft, draft), UomOptionId = update.Draft.UnitOptionName is null ? 0 : names.Count,
            }, draft));
        }
        if (options.OnlyDefaultVariant)
            foreach (var gone in Connector.VariantsOfProduct(Shop, update.Product.Id).Where(v => v.ItemNo == update.Draft.ItemNo && v.VariantCode.Length == 0))
                Connector.DeleteVariant(Shop, gone.Id);
        return created;
    }

    private JObject VariantCreateInput(ProductUpdate update, VariantDraft variant, IReadOnlyList<string> optionNames)
    {
        var input = new JObject
        {
            ["optionValues"] = ProductSetInput.OptionValuesInput(optionNames,
                update.Draft.UnitOptionName is null ? [variant.OptionValue] : ProductSetInput.OptionValues(update.Draft, variant)),
            ["taxable"] = true,
        };
        foreach (var field in ManagedFields.Of(variant)) field.Put(input, field.Value(variant));
        // A new variant gets its mapped metafields with it, as productSet gives them to a new product's variants.
        if (variant.Metafields.Count > 0) input["metafields"] = ProductSetInput.Metafields(variant.Metafields);
        if (stock.Any) input["inventoryQuantities"] = stock.BulkCreateQuantities(update.Item, variant);
        return input;
    }

    /// <summary>Records, in one transaction, what Shopify accepted: the product's fields and tags, each variant's
    /// fields (adopted variants start their record even when their update failed), and the variants created.</summary>
    private void Record(ProductUpdate update, HashSet<string> failedVariants, IReadOnlyList<(ShopVariant Variant, VariantDraft Draft)> created,
        IEnumerable<MetafieldChange> metafields)
    {
        using var transaction = Connector.BeginTransaction();
        update.Sent.SaveProduct(Connector, Shop, update.Product.Id);
        foreach (var (variant, record) in update.Adopted) record.SaveVariant(Connector, Shop, variant.Id);
        foreach (var change in update.Variants.Where(v => !failedVariants.Contains(v.Variant.Id)))
            SentFields.Of(change.Draft).SaveVariant(Connector, Shop, change.Variant.Id);
        foreach (var (variant, draft) in created)
        {
            Connector.SaveVariant(variant);
            SentFields.Of(draft).SaveVariant(Connector, Shop, variant.Id);
            MetafieldPlan.Record(Connector, Shop, variant.Id, draft.Metafields, []);
        }
        MetafieldPlan.Record(Connector, Shop, metafields);
        update.Product.LastSyncedAt = DateTimeOffset.UtcNow;
        Connector.SaveProduct(update.Product);
        transaction.Commit();
    }
}
