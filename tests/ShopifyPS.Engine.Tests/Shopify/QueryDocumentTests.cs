using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>Every embedded document, with realistic variables, must validate against Shopify's 2026-04 schema.</summary>
public sealed class QueryDocumentTests : IClassFixture<AdminSchemaFixture>
{
    private const string Product = "gid://shopify/Product/1";
    private const string Variant = "gid://shopify/ProductVariant/11";
    private const string Item = "gid://shopify/InventoryItem/21";
    private const string Location = "gid://shopify/Location/1";

    /// <summary>Sample variables per document; a document without an entry here fails <see cref="Every_document_has_sample_variables"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Samples = new Dictionary<string, string?>
    {
        ["ShopInfo"] = null,
        ["Locations"] = """{"first": 50, "after": null}""",
        ["ProductsCount"] = """{"query": "status:active"}""",
        ["Products"] = """{"first": 20, "after": null, "query": "updated_at:>'2026-01-01T00:00:00Z'", "variantsFirst": 10}""",
        ["Product"] = $$$"""{"id": "{{{Product}}}", "variantsFirst": 10}""",
        ["ProductVariants"] = $$$"""{"productId": "{{{Product}}}", "first": 250, "after": "cursor"}""",
        ["VariantsBySku"] = """{"query": "sku:\"A-100\"", "first": 5}""",
        ["VariantInventoryLevels"] = $$$"""{"ids": ["{{{Variant}}}", "gid://shopify/ProductVariant/12"], "first": 3, "names": ["available"]}""",
        ["InventoryLevels"] = $$$"""{"locationId": "{{{Location}}}", "first": 100, "names": ["available", "on_hand"]}""",
        ["ProductMedia"] = $$$"""{"productId": "{{{Product}}}", "first": 50}""",
        ["BulkOperation"] = """{"id": "gid://shopify/BulkOperation/1"}""",
        ["ProductSet"] = $$$"""
            {"synchronous": true, "variantsFirst": 2, "identifier": {"handle": "oak-table"},
             "input": {"title": "Oak table", "handle": "oak-table", "descriptionHtml": "<p>Solid oak</p>", "vendor": "Contoso",
                       "productType": "Tables", "status": "ACTIVE", "tags": ["erp"], "seo": {"title": "Oak", "description": "Table"},
                       "productOptions": [{"name": "Size", "values": [{"name": "S"}, {"name": "L"}]}],
                       "variants": [
                         {"optionValues": [{"optionName": "Size", "name": "S"}], "sku": "T-S", "barcode": "4006381333931", "price": "199.00",
                          "compareAtPrice": "249.00", "inventoryPolicy": "DENY", "taxable": true,
                          "inventoryItem": {"sku": "T-S", "tracked": true, "cost": "80.50", "measurement": {"weight": {"value": 12.5, "unit": "KILOGRAMS"} } },
                          "inventoryQuantities": [{"locationId": "{{{Location}}}", "name": "available", "quantity": 3}]},
                         {"optionValues": [{"optionName": "Size", "name": "L"}], "sku": "T-L", "price": "229.00"}]}}
            """,
        ["ProductUpdate"] = $$$"""{"product": {"id": "{{{Product}}}", "status": "DRAFT", "title": "Oak table"}}""",
        ["ProductDelete"] = $$$"""{"id": "{{{Product}}}"}""",
        ["ProductOptions"] = $$$"""{"id": "{{{Product}}}"}""",
        ["ProductPublications"] = $$$"""{"ids": [{{{string.Join(", ", Enumerable.Repeat($"\"{Product}\"", 10))}}}]}""",
        ["ProductOptionUpdate"] = $$$"""{"productId": "{{{Product}}}", "option": {"id": "gid://shopify/ProductOption/1", "name": "Variant"}}""",
        ["ProductByHandle"] = """{"handle": "item-1001", "variantsFirst": 10}""",
        ["ProductVariantsBulkCreate"] = $$$"""{"productId": "{{{Product}}}", "variants": [{"optionValues": [{"optionName": "Size", "name": "XL"}], "price": "12.00", "inventoryItem": {"sku": "A-XL", "tracked": true}, "inventoryQuantities": [{"locationId": "{{{Location}}}", "availableQuantity": 0}]}], "strategy": "PRESERVE_STANDALONE_VARIANT"}""",
        ["Publications"] = "{}",
        ["MetafieldDefinitions"] = """{"ownerType": "PRODUCT", "namespace": "custom", "after": null}""",
        ["Collections"] = """{"query": "handle:\"summer\" OR title:\"summer\""}""",
        ["PublishablePublish"] = $$$"""{"id": "{{{Product}}}", "input": [{"publicationId": "gid://shopify/Publication/1"}]}""",
        ["TagsAdd"] = $$$"""{"id": "{{{Product}}}", "tags": ["erp", "sale"]}""",
        ["TagsRemove"] = $$$"""{"id": "{{{Product}}}", "tags": ["sale"]}""",
        ["MetafieldsSet"] = $$$"""{"metafields": [{"ownerId": "{{{Product}}}", "namespace": "custom", "key": "material", "type": "single_line_text_field", "value": "Nylon"}]}""",
        ["ProductMetafields"] = $$$"""{"id": "{{{Product}}}", "first": 2, "keys": ["custom.material", "custom.persons"]}""",
        ["VariantMetafields"] = $$$"""{"id": "{{{Product}}}", "first": 25, "after": null}""",
        ["MetafieldsDelete"] = $$$"""{"metafields": [{"ownerId": "{{{Variant}}}", "namespace": "custom", "key": "material"}]}""",
        ["ProductVariantsBulkUpdate"] = $$$"""
            {"productId": "{{{Product}}}", "variants": [{"id": "{{{Variant}}}", "price": "10.00", "compareAtPrice": null, "barcode": "123", "inventoryPolicy": "CONTINUE"}]}
            """,
        ["InventoryItemUpdate"] = $$$"""
            {"id": "{{{Item}}}", "input": {"sku": "A-100", "tracked": true, "cost": "4.20", "measurement": {"weight": {"value": 0.5, "unit": "KILOGRAMS"} } } }
            """,
        ["InventorySetQuantities"] = $$$"""
            {"idempotencyKey": "0b6c1f0e-0d9f-4c1e-9d55-0e1f2a3b4c5d",
             "input": {"name": "available", "reason": "correction", "referenceDocumentUri": "gid://shopifyps/SyncRun/1",
                       "quantities": [{"inventoryItemId": "{{{Item}}}", "locationId": "{{{Location}}}", "quantity": 11, "changeFromQuantity": null},
                                      {"inventoryItemId": "gid://shopify/InventoryItem/22", "locationId": "{{{Location}}}", "quantity": 0, "changeFromQuantity": 4}]}}
            """,
        ["InventoryActivate"] = $$$"""{"inventoryItemId": "{{{Item}}}", "locationId": "{{{Location}}}", "available": 0, "idempotencyKey": "k-1"}""",
        ["StagedUploadsCreate"] = """
            {"input": [{"resource": "BULK_MUTATION_VARIABLES", "filename": "bulk-variables.jsonl", "mimeType": "text/jsonl", "httpMethod": "POST", "fileSize": "1024"},
                       {"resource": "IMAGE", "filename": "oak.jpg", "mimeType": "image/jpeg", "httpMethod": "POST"}]}
            """,
        ["BulkOperationRunQuery"] = """{"query": "{ products { edges { node { id } } } }"}""",
        ["BulkOperationRunMutation"] = """{"mutation": "mutation ProductSet($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }", "stagedUploadPath": "tmp/1/bulk/x/bulk_op_vars", "clientIdentifier": "shopifyps-run-0001"}""",
        ["ProductCreateMedia"] = $$$"""{"productId": "{{{Product}}}", "media": [{"originalSource": "https://example.com/oak.jpg", "alt": "Oak table", "mediaContentType": "IMAGE"}]}""",
        ["ProductDeleteMedia"] = $$$"""{"productId": "{{{Product}}}", "mediaIds": ["gid://shopify/MediaImage/5"]}""",
        ["FileCreate"] = """{"files": [{"originalSource": "https://example.com/oak.jpg", "alt": "Oak", "contentType": "IMAGE", "filename": "oak.jpg"}]}""",
        ["FilesByName"] = """{"query": "filename:shopifyps_v5_0123456789ab*"}""",
        ["FileStatuses"] = """{"ids": ["gid://shopify/MediaImage/5", "gid://shopify/MediaImage/6"]}""",
        ["FileUpdate"] = $$$"""{"files": [{"id": "gid://shopify/MediaImage/5", "referencesToAdd": ["{{{Product}}}"]}]}""",
        ["FileDelete"] = """{"fileIds": ["gid://shopify/MediaImage/5"]}""",
        ["VariantMedia"] = $$$"""{"ids": ["{{{Variant}}}"]}""",
        ["ProductVariantAppendMedia"] = $$$"""{"productId": "{{{Product}}}", "variantMedia": [{"variantId": "{{{Variant}}}", "mediaIds": ["gid://shopify/MediaImage/5"]}]}""",
        ["ProductVariantDetachMedia"] = $$$"""{"productId": "{{{Product}}}", "variantMedia": [{"variantId": "{{{Variant}}}", "mediaIds": ["gid://shopify/MediaImage/5"]}]}""",
        ["ProductImages"] = $$$"""{"id": "{{{Product}}}", "variantsFirst": 100, "after": null}""",
        ["ShopLocales"] = null,
        ["TranslatableContent"] = $$$"""{"ids": ["{{{Product}}}", "gid://shopify/Product/2"]}""",
        ["TranslationsRegister"] = $$$"""{"resourceId": "{{{Product}}}", "translations": [{"locale": "nb", "key": "title", "value": "Eikebord", "translatableContentDigest": "4c8f8f9a"}]}""",
        ["BulkProducts"] = null,
        ["BulkInventoryLevels"] = null,
        ["BulkTranslatableContent"] = null,
        ["InventoryItemCosts"] = """{"ids": ["gid://shopify/InventoryItem/21", "gid://shopify/InventoryItem/22", "gid://shopify/InventoryItem/23", "gid://shopify/InventoryItem/24", "gid://shopify/InventoryItem/25", "gid://shopify/InventoryItem/26", "gid://shopify/InventoryItem/27", "gid://shopify/InventoryItem/28", "gid://shopify/InventoryItem/29", "gid://shopify/InventoryItem/30", "gid://shopify/InventoryItem/31", "gid://shopify/InventoryItem/32", "gid://shopify/InventoryItem/33", "gid://shopify/InventoryItem/34", "gid://shopify/InventoryItem/35", "gid://shopify/InventoryItem/36", "gid://shopify/InventoryItem/37", "gid://shopify/InventoryItem/38", "gid://shopify/InventoryItem/39", "gid://shopify/InventoryItem/40", "gid://shopify/InventoryItem/41", "gid://shopify/InventoryItem/42", "gid://shopify/InventoryItem/43", "gid://shopify/InventoryItem/44", "gid://shopify/InventoryItem/45", "gid://shopify/InventoryItem/46", "gid://shopify/InventoryItem/47", "gid://shopify/InventoryItem/48", "gid://shopify/InventoryItem/49", "gid://shopify/InventoryItem/50", "gid://shopify/InventoryItem/51", "gid://shopify/InventoryItem/52", "gid://shopify/InventoryItem/53", "gid://shopify/InventoryItem/54", "gid://shopify/InventoryItem/55", "gid://shopify/InventoryItem/56", "gid://shopify/InventoryItem/57", "gid://shopify/InventoryItem/58", "gid://shopify/InventoryItem/59", "gid://shopify/InventoryItem/60", "gid://shopify/InventoryItem/61", "gid://shopify/InventoryItem/62", "gid://shopify/InventoryItem/63", "gid://shopify/InventoryItem/64", "gid://shopify/InventoryItem/65", "gid://shopify/InventoryItem/66", "gid://shopify/InventoryItem/67", "gid://shopify/InventoryItem/68", "gid://shopify/InventoryItem/69", "gid://shopify/InventoryItem/70"]}""",
    };

    private readonly AdminSchemaFixture _schema;

    public QueryDocumentTests(AdminSchemaFixture schema) => _schema = schema;

    public static TheoryData<string> DocumentNames() => new(QueryDocument.Names);

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public async Task Document_validates_against_the_2026_04_schema_with_its_sample_variables(string name)
    {
        var document = QueryDocument.Get(name);
        Assert.True(Samples.TryGetValue(name, out var sample), $"No sample variables for {name}.");
        var variables = sample is null ? null : JObject.Parse(sample);

        var errors = await _schema.ValidateAsync(document.Text, variables);

        Assert.True(errors.Count == 0, $"{name}:\n{string.Join("\n", errors)}\n---\n{document.Text}");
    }

    [Fact]
    public void Every_document_has_sample_variables_and_every_sample_a_document()
    {
        Assert.Equal(Samples.Keys.Order(StringComparer.Ordinal), QueryDocument.Names);
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Operation_is_named_like_its_file(string name)
    {
        var document = QueryDocument.Get(name);
        Assert.Matches($@"^(query|mutation) {name}\b", document.Text);
    }

    [Fact]
    public void Documents_spread_fragments_once_each_and_carry_no_header()
    {
        var document = QueryDocument.Get("Products");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(document.Text, "fragment ProductFields on Product"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(document.Text, "fragment VariantFields on ProductVariant"));
        Assert.DoesNotContain("# cost", document.Text);
        Assert.Equal(700, document.ExpectedCost);
    }

    [Fact]
    public void Mutations_declare_whether_a_replay_is_safe()
    {
        Assert.False(QueryDocument.Get("ProductSet").RetrySafe);
        Assert.False(QueryDocument.Get("ProductVariantsBulkCreate").RetrySafe);
        Assert.True(QueryDocument.Get("PublishablePublish").RetrySafe);
        Assert.True(QueryDocument.Get("InventorySetQuantities").RetrySafe);
        Assert.False(QueryDocument.Get("FileCreate").RetrySafe);
        Assert.False(QueryDocument.Get("BulkOperationRunMutation").RetrySafe);
        Assert.True(QueryDocument.Get("Products").RetrySafe);
    }

    [Fact]
    public async Task Validation_rejects_what_Shopify_2026_04_would_reject()
    {
        var setQuantities = QueryDocument.Get("InventorySetQuantities").Text;
        var oldShape = JObject.Parse("""
            {"idempotencyKey": "k", "input": {"name": "available", "reason": "correction", "ignoreCompareQuantity": true,
             "quantities": [{"inventoryItemId": "gid://shopify/InventoryItem/1", "locationId": "gid://shopify/Location/1", "quantity": 1}]}}
            """);

        Assert.Contains(await _schema.ValidateAsync(setQuantities, oldShape), e => e.Contains("ignoreCompareQuantity"));
        Assert.NotEmpty(await _schema.ValidateAsync("query Q { shop { nameX } }", null));
    }

    [Fact]
    public void Unknown_document_names_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => QueryDocument.Get("Prodcts"));
        Assert.Contains("Products", ex.Message);
    }
}
