using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>Mutation dispatch. Each handler validates first and changes nothing when it reports userErrors.</summary>
internal sealed class MutationRoot(EmulatorRuntime rt) : IGraphObject
{
    public string? GraphType => "Mutation";

    public object? Resolve(string field, Args args, ExecContext ctx)
    {
        AccessScopes.Demand(field, ctx.Store.GrantedScopes);
        return Dispatch(field, args, ctx);
    }

    private object? Dispatch(string field, Args args, ExecContext ctx) => field switch
    {
        "productSet" => ProductSetMutation.Run(args, ctx, rt),
        "productCreate" => ProductMutations.Create(args, ctx, rt),
        "productUpdate" => ProductMutations.Update(args, ctx, rt),
        "productDelete" => ProductMutations.Delete(args, ctx),
        "tagsAdd" => ProductMutations.Tags(args, ctx, add: true),
        "tagsRemove" => ProductMutations.Tags(args, ctx, add: false),
        "metafieldsSet" => MetafieldMutations.Set(args, ctx),
        "metafieldsDelete" => MetafieldMutations.Delete(args, ctx),
        "translationsRegister" => TranslationMutations.Register(args, ctx),
        "productOptionUpdate" => OptionMutations.Update(args, ctx),
        "publishablePublish" => PublicationMutations.Run(args, ctx, publish: true),
        "publishableUnpublish" => PublicationMutations.Run(args, ctx, publish: false),
        "productVariantsBulkCreate" => VariantMutations.BulkCreate(args, ctx),
        "productVariantsBulkUpdate" => VariantMutations.BulkUpdate(args, ctx),
        "productVariantsBulkDelete" => VariantMutations.BulkDelete(args, ctx),
        "inventoryItemUpdate" => InventoryMutations.ItemUpdate(args, ctx),
        "inventoryActivate" => InventoryMutations.Activate(args, ctx),
        "inventorySetQuantities" => InventoryMutations.SetQuantities(args, ctx),
        "inventoryAdjustQuantities" => InventoryMutations.AdjustQuantities(args, ctx),
        "stagedUploadsCreate" => StagedUploads.Create(args, ctx),
        "productCreateMedia" => MediaMutations.ProductCreateMedia(args, ctx, rt),
        "productDeleteMedia" => MediaMutations.ProductDeleteMedia(args, ctx),
        "fileCreate" => MediaMutations.FileCreate(args, ctx, rt),
        "fileUpdate" => MediaMutations.FileUpdate(args, ctx),
        "fileDelete" => MediaMutations.FileDelete(args, ctx),
        "productVariantAppendMedia" => VariantMediaMutations.Append(args, ctx),
        "productVariantDetachMedia" => VariantMediaMutations.Detach(args, ctx),
        "bulkOperationRunQuery" => BulkMutations.RunQuery(args, ctx, rt),
        "bulkOperationRunMutation" => BulkMutations.RunMutation(args, ctx, rt),
        "bulkOperationCancel" => BulkMutations.Cancel(args, ctx),
        _ => throw new GraphFieldException($"The emulator does not implement the mutation '{field}'.", "NOT_IMPLEMENTED"),
    };
}
