using System.Globalization;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// stagedUploadsCreate. Targets point at the emulator itself. POST targets imitate Google Cloud
/// Storage policy uploads (multipart form: every parameter, then "file"); PUT targets take the raw
/// body. The "key" parameter is what bulkOperationRunMutation takes as stagedUploadPath.
/// </summary>
internal static class StagedUploads
{
    public const long MaxBulkVariablesBytes = 100L * 1024 * 1024;
    public const long MaxImageBytes = 20L * 1024 * 1024;

    public static object Create(Args args, ExecContext ctx)
    {
        var targets = new List<GraphMap>();
        var errors = new List<UserError>();
        var inputs = args.List("input");
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = In.Obj(inputs[i])!;
            var resource = In.Str(In.Get(input, "resource"))!;
            var filename = In.Str(In.Get(input, "filename")) ?? "";
            var mimeType = In.Str(In.Get(input, "mimeType")) ?? "application/octet-stream";
            var method = In.Str(In.Get(input, "httpMethod")) ?? "PUT";
            long? size = long.TryParse(In.Str(In.Get(input, "fileSize")), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var limit = MaxBytes(resource);
            if (resource is "VIDEO" or "MODEL_3D" && size == null)
                errors.Add(UserError.At("File size is required when uploading VIDEO or MODEL_3D.", null, "input", i.ToString(), "fileSize"));
            else if (size > limit)
                errors.Add(UserError.At($"File size must be at most {limit} bytes.", null, "input", i.ToString(), "fileSize"));
            else if (string.IsNullOrWhiteSpace(filename))
                errors.Add(UserError.At("Filename can't be blank", null, "input", i.ToString(), "filename"));
            else targets.Add(NewTarget(ctx, resource, filename, mimeType, method));
        }
        return new GraphMap("StagedUploadsCreatePayload", ("stagedTargets", errors.Count > 0 ? null : targets), ("userErrors", errors));
    }

    /// <summary>The largest file a target of this resource takes (declared at creation, and again when it is uploaded).</summary>
    public static long MaxBytes(string resource) =>
        resource == "BULK_MUTATION_VARIABLES" ? MaxBulkVariablesBytes : resource is "IMAGE" or "PRODUCT_IMAGE" ? MaxImageBytes : long.MaxValue;

    private static GraphMap NewTarget(ExecContext ctx, string resource, string filename, string mimeType, string method)
    {
        var id = Guid.NewGuid().ToString("N");
        var key = resource == "BULK_MUTATION_VARIABLES"
            ? $"tmp/emulator/bulk/{id}/bulk_op_vars"
            : $"tmp/emulator/{id}/{Path.GetFileName(filename)}";
        ctx.Store.Uploads[key] = new StagedUpload
        {
            Key = key, Resource = resource, Filename = filename, MimeType = mimeType, HttpMethod = method, CreatedAt = ctx.Store.Now(),
        };
        var objectUrl = UploadsPrefix(ctx.BaseUri) + Escaped(key);
        var parameters = method == "POST"
            ? new List<(string, string)>
            {
                ("Content-Type", mimeType), ("success_action_status", "201"), ("acl", "private"), ("key", key),
                ("x-goog-date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
                ("x-goog-credential", "emulator@shopifyps.local/" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/auto/storage/goog4_request"),
                ("x-goog-algorithm", "GOOG4-RSA-SHA256"), ("x-goog-signature", id), ("policy", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key))),
            }
            : new List<(string, string)> { ("content_type", mimeType), ("acl", "private") };
        return new GraphMap("StagedMediaUploadTarget",
            ("url", method == "POST" ? UploadsPrefix(ctx.BaseUri) : objectUrl + "?X-Goog-Signature=" + id),
            ("resourceUrl", resource == "BULK_MUTATION_VARIABLES" ? null : objectUrl),
            ("parameters", parameters.Select(p => new GraphMap("StagedUploadParameter", ("name", p.Item1), ("value", p.Item2))).ToList()));
    }

    /// <summary>The staged upload an emulator URL (resourceUrl) refers to, or null for any other URL.</summary>
    /// <remarks>Like a storage service, the key in the URL must be percent-encoded as it was handed out: a file name
    /// with a space or æøå passed back decoded is a different object, so it cannot be downloaded.</remarks>
    public static StagedUpload? FromUrl(ShopStore store, Uri baseUri, string url)
    {
        var prefix = UploadsPrefix(baseUri);
        if (!url.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var path = url[prefix.Length..];
        var q = path.IndexOf('?');
        if (q >= 0) path = path[..q];
        var upload = store.Uploads.GetValueOrDefault(Uri.UnescapeDataString(path));
        return upload is not null && Escaped(upload.Key) == path ? upload : null;
    }

    // Keys hold the file name as given; URLs carry it percent-encoded, segment by segment (as a storage service does).
    private static string Escaped(string key) => string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static string UploadsPrefix(Uri baseUri) => new Uri(baseUri, "emulator/uploads/").AbsoluteUri;
}
