using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>Cursor paging over a connection that selects <c>pageInfo { hasNextPage endCursor }</c> and <c>nodes</c> (or <c>edges { node }</c>).</summary>
public static class CursorPaging
{
    /// <summary>
    /// Yields every node of the connection at <paramref name="connectionPath"/> (a dot path below <c>data</c>,
    /// e.g. <c>products</c> or <c>location.inventoryLevels</c>), page by page: the document must take an
    /// <c>$after: String</c> variable, which is set from each page's <c>endCursor</c>. Nothing is yielded when
    /// the path is null (e.g. <c>product(id:)</c> of a product that does not exist).
    /// </summary>
    public static async IAsyncEnumerable<JObject> PageAsync(this ShopifyClient client, string documentName, JObject variables,
        string connectionPath, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pageVariables = (JObject)variables.DeepClone();
        while (true)
        {
            var response = await client.ExecuteAsync(documentName, pageVariables, cancellationToken).ConfigureAwait(false);
            if (response.Data.SelectToken(connectionPath) is not JObject connection) yield break;
            foreach (var node in Nodes(connection)) yield return node;
            var pageInfo = connection["pageInfo"] as JObject
                ?? throw new InvalidOperationException($"{documentName} does not select pageInfo on {connectionPath}.");
            if (pageInfo.Value<bool?>("hasNextPage") != true || pageInfo.Value<string>("endCursor") is not { } cursor) yield break;
            pageVariables["after"] = cursor;
        }
    }

    /// <summary>The nodes of one connection page, from <c>nodes</c> or <c>edges[].node</c>.</summary>
    public static IEnumerable<JObject> Nodes(JObject connection) =>
        connection["nodes"] is JArray nodes
            ? nodes.OfType<JObject>()
            : (connection["edges"] as JArray ?? new JArray()).Select(e => e["node"]).OfType<JObject>();
}
