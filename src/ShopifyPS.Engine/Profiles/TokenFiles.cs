namespace ShopifyPS.Profiles;

/// <summary>
/// Token files written for <c>New-ShopifyShop -AccessToken</c>: <c>&lt;home&gt;/secrets/&lt;shop&gt;.token</c>,
/// readable by the owner only, so the profile can point at the token instead of holding it.
/// </summary>
public static class TokenFiles
{
    public static string PathFor(ShopifyHome home, string shop) => Path.Combine(home.SecretsFolder, shop + ".token");

    public static string Write(ShopifyHome home, string shop, string token)
    {
        home.CreateFolder(home.SecretsFolder);
        var path = PathFor(home, shop);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home.SecretsFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // Create the file with owner-only rights before the secret is written into it.
            using (File.Create(path)) { }
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // On Windows the file inherits the user profile's ACL, which only the user and administrators can read.
        File.WriteAllText(path, token);
        return path;
    }

    /// <summary>Deletes the token file only when it is the one ShopifyPS wrote for this shop.</summary>
    public static void DeleteOwned(ShopifyHome home, ShopProfile profile)
    {
        var owned = PathFor(home, profile.Name);
        if (PointsAt(home, profile.Auth, owned) && File.Exists(owned)) File.Delete(owned);
    }

    /// <summary>Deletes the token file ShopifyPS wrote for the shop when its profile pointed at it <paramref name="before"/>
    /// and no longer does <paramref name="after"/>: a replaced token must not stay on disk.</summary>
    public static void DeleteReplaced(ShopifyHome home, string shop, AuthSettings before, AuthSettings after)
    {
        var owned = PathFor(home, shop);
        if (PointsAt(home, before, owned) && !PointsAt(home, after, owned) && File.Exists(owned)) File.Delete(owned);
    }

    private static bool PointsAt(ShopifyHome home, AuthSettings auth, string path) =>
        !string.IsNullOrEmpty(auth.TokenFile) && string.Equals(home.ResolvePath(auth.TokenFile), path, StringComparison.Ordinal);
}
