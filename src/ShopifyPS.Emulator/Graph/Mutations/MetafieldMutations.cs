using System.Globalization;
using System.Text.Json;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// metafieldsSet and metafieldsDelete on products and variants, and the metafields of productSet. metafieldsSet takes at
/// most 25 metafields and is atomic: any userError (each with its elementIndex) and nothing is set. Namespace 3–255 and
/// key 2–64 characters of letters, digits, '-' and '_'; a type is needed for a metafield that does not exist yet; the
/// value must fit the type (the scalar types are checked, other known types are taken as they are).
/// </summary>
internal static class MetafieldMutations
{
    public const int MaxSet = 25;
    private const string AppNamespace = "app--1";

    private static readonly HashSet<string> KnownTypes = new(
        ("single_line_text_field multi_line_text_field rich_text_field number_integer number_decimal boolean date date_time url json color " +
         "dimension volume weight rating money link id file_reference product_reference variant_reference collection_reference page_reference " +
         "metaobject_reference mixed_reference customer_reference company_reference product_taxonomy_value_reference").Split(' '),
        StringComparer.Ordinal);

    public static object Set(Args args, ExecContext ctx)
    {
        var inputs = args.List("metafields").Select(m => In.Obj(m)!).ToList();
        var errors = new List<UserError>();
        if (inputs.Count > MaxSet)
        {
            errors.Add(new UserError(["metafields"], $"Exceeded the maximum metafields input limit of {MaxSet}.", "LESS_THAN_OR_EQUAL_TO"));
            return new GraphMap("MetafieldsSetPayload", ("metafields", null), ("userErrors", errors));
        }
        var targets = new List<(MetafieldList Owner, string OwnerGid, IDictionary<string, object?> Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var ownerGid = In.Str(In.Get(inputs[i], "ownerId")) ?? "";
            var owner = Owner(ctx.Store, ownerGid);
            if (owner is null)
            {
                errors.Add(new UserError(["metafields", i.ToString(CultureInfo.InvariantCulture), "ownerId"], "Owner does not exist.", "INVALID", i));
                continue;
            }
            var found = Validate(ctx.Store, OwnerType(ownerGid), inputs[i], owner, ["metafields", i.ToString(CultureInfo.InvariantCulture)], i);
            errors.AddRange(found);
            if (found.Count == 0) targets.Add((owner, ownerGid, inputs[i]));
        }
        if (errors.Count > 0)
            return new GraphMap("MetafieldsSetPayload", ("metafields", null), ("userErrors", errors));
        var set = targets.Select(t => Apply(ctx.Store, t.Owner, t.OwnerGid, t.Input)).ToList();
        return new GraphMap("MetafieldsSetPayload", ("metafields", set), ("userErrors", new List<UserError>()));
    }

    public static object Delete(Args args, ExecContext ctx)
    {
        var deleted = new List<object?>();
        var errors = new List<UserError>();
        var identifiers = args.List("metafields").Select(m => In.Obj(m)!).ToList();
        for (var i = 0; i < identifiers.Count; i++)
        {
            var ownerGid = In.Str(In.Get(identifiers[i], "ownerId")) ?? "";
            if (Owner(ctx.Store, ownerGid) is not { } owner)
            {
                errors.Add(UserError.At("Owner does not exist.", null, "metafields", i, "ownerId"));
                continue;
            }
            var field = owner.Find(In.Str(In.Get(identifiers[i], "namespace")) ?? "", In.Str(In.Get(identifiers[i], "key")) ?? "");
            // A metafield that does not exist is reported as null, not as an error.
            if (field is null) { deleted.Add(null); continue; }
            owner.Items.Remove(field);
            deleted.Add(new GraphMap("MetafieldIdentifier", ("ownerId", ownerGid), ("namespace", field.Namespace), ("key", field.Key)));
        }
        return errors.Count > 0
            ? new GraphMap("MetafieldsDeletePayload", ("deletedMetafields", null), ("userErrors", errors))
            : new GraphMap("MetafieldsDeletePayload", ("deletedMetafields", deleted), ("userErrors", errors));
    }

    /// <summary>The checks of one MetafieldsSetInput or MetafieldInput (productSet, productVariantsBulkCreate) against its
    /// owner's metafields and the shop's definition for it (ownerType PRODUCT or PRODUCTVARIANT).</summary>
    public static List<UserError> Validate(ShopStore store, string ownerType, IDictionary<string, object?> input, MetafieldList owner, List<string> path, int? index)
    {
        var errors = new List<UserError>();
        var ns = In.Str(In.Get(input, "namespace")) ?? AppNamespace;
        var key = In.Str(In.Get(input, "key")) ?? "";
        var type = In.Str(In.Get(input, "type"));
        var value = In.Str(In.Get(input, "value")) ?? "";
        Identifier(errors, path, "namespace", ns, 3, 255, index);
        Identifier(errors, path, "key", key, 2, 64, index);
        var definition = store.DefinitionFor(ownerType, ns, key);
        type ??= definition?.Type ?? owner.Find(ns, key)?.Type;
        if (definition is not null && type != definition.Type)
            errors.Add(new UserError([.. path, "type"], $"Type '{type}' must be the same as the type '{definition.Type}' of the metafield definition '{definition.Name}'.", "INVALID_TYPE", index));
        else if (type is null)
            errors.Add(new UserError([.. path, "type"], "Type can't be blank", "BLANK", index));
        else if (!KnownTypes.Contains(type) && !(type.StartsWith("list.", StringComparison.Ordinal) && KnownTypes.Contains(type[5..])))
            errors.Add(new UserError([.. path, "type"], $"Type '{type}' is not a valid metafield type.", "INVALID_TYPE", index));
        else if (value.Length == 0)
            errors.Add(new UserError([.. path, "value"], "Value can't be blank.", "BLANK", index));
        else if (ValueProblem(type, value) is { } problem)
            errors.Add(new UserError([.. path, "value"], problem, "INVALID_VALUE", index));
        return errors;
    }

    /// <summary>The metafields of a product or variant input (MetafieldInput), checked as metafieldsSet checks them, each
    /// error under the mutation's own code.</summary>
    public static IEnumerable<UserError> ValidateInputs(ShopStore store, string ownerType, IDictionary<string, object?> input, MetafieldList? owner,
        List<string> path, string code)
    {
        var list = In.List(In.Get(input, "metafields"));
        for (var i = 0; i < list.Count; i++)
            foreach (var error in Validate(store, ownerType, In.Obj(list[i])!, owner ?? new MetafieldList(), [.. path, "metafields", i.ToString(CultureInfo.InvariantCulture)], null))
                yield return new UserError(error.Field, error.Message, code);
    }

    public static void ApplyInputs(ShopStore store, MetafieldList owner, string ownerGid, IDictionary<string, object?> input)
    {
        foreach (var raw in In.List(In.Get(input, "metafields"))) Apply(store, owner, ownerGid, In.Obj(raw)!);
    }

    /// <summary>Creates or replaces the metafield (call <see cref="Validate"/> first).</summary>
    public static Metafield Apply(ShopStore store, MetafieldList owner, string ownerGid, IDictionary<string, object?> input)
    {
        var ns = In.Str(In.Get(input, "namespace")) ?? AppNamespace;
        var key = In.Str(In.Get(input, "key"))!;
        var now = store.Now();
        var field = owner.Find(ns, key);
        if (field is null)
        {
            field = new Metafield { Id = store.NextId(), OwnerGid = ownerGid, Namespace = ns, Key = key, CreatedAt = now };
            owner.Items.Add(field);
        }
        field.Type = In.Str(In.Get(input, "type")) ?? store.DefinitionFor(OwnerType(ownerGid), ns, key)?.Type ?? field.Type;
        field.Value = In.Str(In.Get(input, "value"))!;
        field.UpdatedAt = now;
        return field;
    }

    public static string OwnerType(string gid) => gid.Contains("/ProductVariant/", StringComparison.Ordinal) ? "PRODUCTVARIANT" : "PRODUCT";

    private static MetafieldList? Owner(ShopStore store, string gid) =>
        Lookup.Product(store, gid)?.Metafields ?? Lookup.Variant(store, gid)?.Metafields;

    private static void Identifier(List<UserError> errors, List<string> path, string name, string value, int min, int max, int? index)
    {
        if (value.Length < min) errors.Add(new UserError([.. path, name], $"{Title(name)} is too short (minimum is {min} characters)", "TOO_SHORT", index));
        else if (value.Length > max) errors.Add(new UserError([.. path, name], $"{Title(name)} is too long (maximum is {max} characters)", "TOO_LONG", index));
        else if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add(new UserError([.. path, name], $"{Title(name)} contains one or more invalid characters.", "INVALID", index));
    }

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string? ValueProblem(string type, string value) => type switch
    {
        "single_line_text_field" when value.Contains('\n') || value.Contains('\r') => "Value must be a single line of text.",
        "number_integer" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || Math.Abs(n) > 9_007_199_254_740_991
            => "Value must be an integer.",
        "number_decimal" when !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            => "Value must be a decimal.",
        "boolean" when value is not ("true" or "false") => "Value must be true or false.",
        "date" when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            => "Value must be in YYYY-MM-DD format.",
        "url" when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto" or "sms" or "tel")
            => "Value must be a valid URL with a scheme of http, https, mailto, sms or tel.",
        "json" when !IsJson(value) => "Value is invalid JSON.",
        _ => null,
    };

    private static bool IsJson(string value)
    {
        try { using var _ = JsonDocument.Parse(value); return true; }
        catch (JsonException) { return false; }
    }
}
