using System.Text.Json;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// The 2026-04 rule for inventory mutations: @idempotent(key:) is required at run time (the schema
/// cannot say so). The first payload for a key is kept; a retry with the same arguments replays it
/// without applying anything again, a reuse with other arguments is IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
/// </summary>
internal static class Idempotency
{
    public const string MissingCode = "MISSING_IDEMPOTENCY_KEY";
    public const string BlankCode = "INVALID_IDEMPOTENCY_KEY";

    /// <summary>Runs <paramref name="apply"/> once per key; <paramref name="mismatch"/> builds the payload for a reused key.</summary>
    public static object Run(ExecContext ctx, string mutation, Args args, Func<object> apply, Func<UserError, object> mismatch)
    {
        if (!ctx.HasIdempotentDirective)
            throw new GraphFieldException($"The @idempotent directive is required for the {mutation} mutation from API version 2026-04.", MissingCode);
        if (string.IsNullOrWhiteSpace(ctx.IdempotencyKey))
            throw new GraphFieldException("The idempotency key cannot be an empty string or whitespace only.", BlankCode);
        var storeKey = mutation + "\u001f" + ctx.IdempotencyKey;
        var fingerprint = Fingerprint(args, mutation);
        if (ctx.Store.Idempotency.TryGetValue(storeKey, out var previous))
        {
            return previous.Fingerprint == fingerprint
                ? previous.Payload
                : mismatch(new UserError(null, "The same idempotency key was used with different parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
        }
        var payload = apply();
        ctx.Store.Idempotency[storeKey] = new IdempotentResult(fingerprint, payload);
        return payload;
    }

    private static string Fingerprint(Args args, string mutation)
    {
        var names = mutation == "inventoryActivate"
            ? new[] { "inventoryItemId", "locationId", "available", "onHand" }
            : new[] { "input" };
        return JsonSerializer.Serialize(names.Select(n => args[n]).ToList());
    }
}
