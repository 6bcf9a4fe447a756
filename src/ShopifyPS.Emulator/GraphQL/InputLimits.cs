using System.Collections;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// "Input arguments that accept an array have a maximum size of 250" (shopify.dev API limits). The
/// check runs on coerced values, so literal and variable inputs are treated alike.
/// </summary>
internal static class InputLimits
{
    public const int MaxInputArray = 250;

    public static void Check(ExecContext ctx, List<GraphError> errors)
    {
        if (ctx.Validation.ArgumentValues == null) return;
        foreach (var (field, args) in ctx.Validation.ArgumentValues)
        {
            foreach (var (name, value) in args)
            {
                var path = new List<object> { field.Name.StringValue, name };
                Walk(ctx, field, value.Value, path, errors);
            }
        }
    }

    private static void Walk(ExecContext ctx, GraphQLParser.AST.GraphQLField field, object? value, List<object> path, List<GraphError> errors)
    {
        switch (value)
        {
            case IDictionary<string, object?> obj:
                foreach (var (k, v) in obj) Walk(ctx, field, v, new List<object>(path) { k }, errors);
                break;
            case string:
                break;
            case IList list:
                if (list.Count > MaxInputArray)
                {
                    errors.Add(new GraphError(
                        $"The input array size of {list.Count} is greater than the maximum allowed of {MaxInputArray}.",
                        "MAX_INPUT_SIZE_EXCEEDED", path, new[] { SourceText.LineColumn(ctx.Source, field.Location) }));
                    return;
                }
                for (var i = 0; i < list.Count; i++) Walk(ctx, field, list[i], new List<object>(path) { i }, errors);
                break;
        }
    }
}
