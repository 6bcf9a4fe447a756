namespace ShopifyPS;

/// <summary>
/// The folder that holds everything ShopifyPS keeps on disk: shop profiles, token files, the default
/// database, run logs and downloaded pictures. <c>$SHOPIFYPS_HOME</c> moves it (tests and scheduled
/// jobs use that); otherwise it is <c>~/.shopifyps</c>.
/// </summary>
public sealed class ShopifyHome
{
    public const string EnvironmentVariable = "SHOPIFYPS_HOME";

    public ShopifyHome(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string ShopsFolder => Path.Combine(Root, "shops");
    public string SecretsFolder => Path.Combine(Root, "secrets");
    public string LogsFolder => Path.Combine(Root, "logs");
    public string PicturesFolder => Path.Combine(Root, "pictures");
    public string DefaultDatabase => Path.Combine(Root, "shopifyps.db");

    public static ShopifyHome FromEnvironment()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new ShopifyHome(string.IsNullOrWhiteSpace(fromEnv)
            ? Path.Combine(UserProfile, ".shopifyps")
            : ExpandUser(fromEnv));
    }

    /// <summary>Expands a leading <c>~</c> the way a shell would, so profiles can say <c>~/.shopifyps/x.db</c>.</summary>
    public static string ExpandUser(string path)
    {
        if (path == "~") return UserProfile;
        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
            return Path.Combine(UserProfile, path[2..]);
        return path;
    }

    /// <summary>Resolves a path from a profile: <c>~</c> expanded, relative paths taken from the home folder.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(Root, ExpandUser(path)));

    /// <summary>The database a shop uses: its profile's <c>database</c>, else the default one.</summary>
    public string DatabaseFor(ShopProfile? profile) =>
        string.IsNullOrEmpty(profile?.Database) ? DefaultDatabase : ResolvePath(profile.Database);

    /// <summary>Creates one of the home's folders when it is missing. A home that is a file, or a folder the account
    /// may not write, is named with ShopifyHomeUnusable rather than left to a raw IO error.</summary>
    public void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ShopifyPSException(ErrorCatalog.HomeUnusable,
                $"The ShopifyPS home folder {Root} cannot be used: {folder} cannot be created ({ex.Message}). Set ${EnvironmentVariable} " +
                "to a folder the account that runs ShopifyPS may write, or move aside the file that is in the way.", folder, ex);
        }
    }

    private static string UserProfile => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
