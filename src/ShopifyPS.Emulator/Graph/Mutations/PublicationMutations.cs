using ShopifyPS.Emulator.GraphQL;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>publishablePublish / publishableUnpublish of a product. An unknown publication refuses the whole call (the
/// reading hardest on the client: it cannot count on the valid publications of a bad input going through).</summary>
internal static class PublicationMutations
{
    public static object Run(Args args, ExecContext ctx, bool publish)
    {
        var type = publish ? "PublishablePublishPayload" : "PublishableUnpublishPayload";
        var store = ctx.Store;
        var errors = new List<UserError>();
        var product = Lookup.Product(store, args.Str("id"));
        if (product == null) errors.Add(UserError.At("Product does not exist", null, "id"));
        var publications = new List<State.Publication>();
        var inputs = args.List("input");
        for (var i = 0; i < inputs.Count; i++)
        {
            var publication = Lookup.Publication(store, In.Str(In.Get(In.Obj(inputs[i])!, "publicationId")));
            if (publication == null) errors.Add(UserError.At("Publication does not exist", null, "input", i, "publicationId"));
            else publications.Add(publication);
        }
        if (errors.Count > 0) return new GraphMap(type, ("publishable", null), ("shop", null), ("userErrors", errors));

        foreach (var publication in publications)
        {
            if (publish) product!.Publications.TryAdd(publication.Id, store.Now());
            else product!.Publications.Remove(publication.Id);
        }
        store.Touch(product!);
        return new GraphMap(type, ("publishable", product), ("shop", null), ("userErrors", new List<UserError>()));
    }
}
