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
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            var ok = Store(rt, string.IsNullOrEmpty(formKey) ? key : formKey, buffer.ToArray(), file.ContentType);
            return ok ? Results.StatusCode(int.TryParse(form["success_action_status"], out var s) ? s : 204) : Results.StatusCode(403);
        });

        app.MapPut("/emulator/uploads/{**key}", async (HttpContext http, string key) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            return Store(rt, key, buffer.ToArray(), http.Request.ContentType) ? Results.Ok() : Results.StatusCode(403);
        });

        app.MapGet("/emulator/uploads/{**key}", (string key) =>
        {
            lock (rt.Store.Sync)
            {
                return rt.Store.Uploads.TryGetValue(key, out var upload) && upload.Content != null
                    ? Results.Bytes(upload.Content, upload.ContentType ?? upload.MimeType)
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
                return rt.Store.BulkResults.TryGetValue(id, out var bytes)
                    ? Results.Bytes(bytes, "application/jsonl")
                    : Results.NotFound();
            }
        });
    }

    /// <summary>Stores the bytes of a target created by stagedUploadsCreate; unknown keys are refused as GCS refuses a bad policy.</summary>
    private static bool Store(EmulatorRuntime rt, string? key, byte[] content, string? contentType)
    {
        lock (rt.Store.Sync)
        {
            if (key == null || !rt.Store.Uploads.TryGetValue(key, out StagedUpload? upload)) return false;
            upload.Content = content;
            upload.ContentType = string.IsNullOrEmpty(contentType) || contentType == "application/octet-stream" ? upload.MimeType : contentType;
            return true;
        }
    }
}
