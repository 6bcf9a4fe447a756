using System.Globalization;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>One file to stage: what stagedUploadsCreate needs to hand out a target for it.</summary>
public sealed record StagedFile(string Resource, string FileName, string MimeType, long Size);

/// <summary>Where to upload one staged file: the form's <see cref="Url"/> and <see cref="Parameters"/>, and the
/// <see cref="ResourceUrl"/> later mutations refer to the file by (null for bulk mutation variables).</summary>
public sealed record StagedTarget(string Url, string? ResourceUrl, IReadOnlyList<(string Name, string Value)> Parameters)
{
    /// <summary>The <c>key</c> parameter (a bulk mutation's stagedUploadPath), or null.</summary>
    public string? Key => Parameters.FirstOrDefault(p => p.Name == "key").Value;
}

/// <summary>
/// Staged uploads (stagedUploadsCreate, then a multipart POST of the target's parameters, in order, followed by the
/// file as the "file" field): how bulk mutation variables and pictures reach Shopify's storage. The upload goes to
/// the storage service, never with the access token.
/// </summary>
public static class StagedUploads
{
    /// <summary>One target per file, in the same order (stagedUploadsCreate takes up to 250 at once).</summary>
    public static async Task<IReadOnlyList<StagedTarget>> CreateAsync(ShopifyClient client, IReadOnlyList<StagedFile> files, CancellationToken cancellationToken)
    {
        var input = files.Select(f => new
        {
            resource = f.Resource, filename = f.FileName, mimeType = f.MimeType, httpMethod = "POST",
            fileSize = f.Size.ToString(CultureInfo.InvariantCulture),
        }).ToArray();
        var response = await client.ExecuteAsync("StagedUploadsCreate", new { input }, cancellationToken).ConfigureAwait(false);
        var targets = (response.Payload().ThrowIfFailed()["stagedTargets"] as JArray ?? new JArray()).OfType<JObject>().Select(Target).ToList();
        if (targets.Count != files.Count || targets.Any(t => t.Url.Length == 0))
            throw new ShopifyException($"Shopify returned {targets.Count} usable staged upload targets for {files.Count} files.", "StagedUploadsCreate", response.RequestId);
        return targets;
    }

    /// <summary>Uploads the content that <paramref name="open"/> supplies (called again for each retry).</summary>
    public static async Task UploadAsync(ShopifyClient client, StagedTarget target, StagedFile file, Func<HttpContent> open, CancellationToken cancellationToken)
    {
        using var response = await client.TransferAsync(() =>
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in target.Parameters) form.Add(new StringContent(value), name);
            var content = open();
            content.Headers.ContentType = new MediaTypeHeaderValue(file.MimeType);
            form.Add(content, "file", file.FileName);
            return new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = form };
        }, $"The staged upload of {file.FileName}", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private static StagedTarget Target(JObject target) => new(
        target.Value<string>("url") ?? "",
        target.Value<string>("resourceUrl"),
        (target["parameters"] as JArray ?? new JArray()).OfType<JObject>()
            .Select(p => (p.Value<string>("name") ?? "", p.Value<string>("value") ?? "")).ToList());
}
