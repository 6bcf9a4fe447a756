using System.Globalization;
using ShopifyPS.Emulator.Graph.Mutations;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Http;

/// <summary>Staged upload targets, uploaded files and bulk operation result files, all served by the emulator itself.</summary>
internal static class FileEndpoints
{
    public static void Map(WebApplication app, EmulatorRuntime rt)
    {
        // GCS-style policy upload: a multipart form with the key among the fields and the bytes as "file".
        app.MapPost("/emulator/uploads/{**key}", async (HttpContext http, string? key) =>
        {
            if (!http.Request.HasFormContentType) return Results.BadRequest("Expected multipart/form-data.");
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            var formKey = form["key"].ToString();
            var file = form.Files["file"];
            if (file == null) return Results.BadRequest("The form has no 'file' field.");
            await using var stream = file.OpenReadStream();
            var stored = await StoreAsync(rt, string.IsNullOrEmpty(formKey) ? key : formKey, stream, file.ContentType, http.RequestAborted).ConfigureAwait(false);
            return stored ?? Results.StatusCode(int.TryParse(form["success_action_status"], out var s) ? s : 204);
        });

        app.MapPut("/emulator/uploads/{**key}", async (HttpContext http, string key) =>
            await StoreAsync(rt, key, http.Request.Body, http.Request.ContentType, http.RequestAborted).ConfigureAwait(false) ?? Results.Ok());

        app.MapGet("/emulator/uploads/{**key}", (string key) =>
        {
            lock (rt.Store.Sync)
            {
                return rt.Store.Uploads.TryGetValue(key, out var upload) && upload.ContentFile != null
                    ? Results.File(upload.ContentFile, upload.ContentType ?? upload.MimeType)
                    : Results.NotFound();
            }
        });

        app.MapGet("/emulator/files/{id:long}/{name}", (long id) =>
        {
            lock (rt.Store.Sync)
            {
                return rt.Store.Media.TryGetValue(id, out var media) && media.Content != null
                    ? Results.Bytes(media.Content, media.MimeType)
                    : Results.NotFound();
            }
        });

        app.MapGet("/emulator/bulk/{id:long}.jsonl", (long id) =>
        {
            lock (rt.Store.Sync)
            {
                return rt.Store.BulkResults.TryGetValue(id, out var file)
                    ? Results.File(file, "application/jsonl")
                    : Results.NotFound();
            }
        });
    }

    /// <summary>Writes the bytes of a target created by stagedUploadsCreate to a file and returns null, or the refusal:
    /// 403 for an unknown key (as GCS refuses a bad policy), 400 EntityTooLarge for a file above the target's limit
    /// (as the storage refuses a bulk mutation's variables above 100 MB).</summary>
    private static async Task<IResult?> StoreAsync(EmulatorRuntime rt, string? key, Stream content, string? contentType, CancellationToken cancellation)
    {
        StagedUpload? upload;
        lock (rt.Store.Sync)
            if (key == null || !rt.Store.Uploads.TryGetValue(key, out upload)) return Results.StatusCode(403);
        var limit = StagedUploads.MaxBytes(upload.Resource);
        var file = rt.Files.NewFile(".upload");
        long length;
        await using (var output = File.Create(file))
        {
            await content.CopyToAsync(output, cancellation).ConfigureAwait(false);
            length = output.Length;
        }
        if (length > limit)
        {
            FileArea.TryDelete(file);
            return Results.Content(EntityTooLarge(length, limit), "application/xml", statusCode: 400);
        }
        lock (rt.Store.Sync)
        {
            if (upload.ContentFile is { } previous) FileArea.TryDelete(previous);
            upload.ContentFile = file;
            upload.ContentLength = length;
            upload.ContentType = string.IsNullOrEmpty(contentType) || contentType == "application/octet-stream" ? upload.MimeType : contentType;
        }
        return null;
    }

    private static string EntityTooLarge(long size, long limit) => string.Create(CultureInfo.InvariantCulture,
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>{size}</ProposedSize><MaxSizeAllowed>{limit}</MaxSizeAllowed></Error>");
}
