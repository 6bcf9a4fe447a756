using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// Where a shop's access token comes from (profile <c>auth</c>: tokenEnv, tokenFile or client credentials).
/// The token is only ever handed to the request header; <see cref="Source"/> (and ToString) name the
/// source, never the value.
/// </summary>
public abstract class AccessTokenProvider
{
    /// <summary>e.g. "environment variable SHOPIFY_CONTOSO_TOKEN" — safe to show.</summary>
    public abstract string Source { get; }

    public abstract ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>True when a refused token can be replaced by asking again (client credentials).</summary>
    public virtual bool CanRenew => false;

    /// <summary>Forgets <paramref name="token"/> after Shopify refused it, so the next call obtains a new one.</summary>
    public virtual void Invalidate(string token) { }

    public sealed override string ToString() => Source;

    /// <summary>The provider the profile's <c>auth</c> section describes.</summary>
    public static AccessTokenProvider FromProfile(ShopProfile profile, ShopifyHome home, HttpClient http, TimeProvider? time = null)
    {
        var auth = profile.Auth;
        if (!string.IsNullOrEmpty(auth.TokenEnv)) return new EnvironmentTokenProvider(auth.TokenEnv);
        if (!string.IsNullOrEmpty(auth.TokenFile)) return new FileTokenProvider(home.ResolvePath(auth.TokenFile));
        if (!string.IsNullOrEmpty(auth.SecretName)) return new VaultTokenProvider(profile.Name, auth);
        if (!string.IsNullOrEmpty(auth.ClientId) && !string.IsNullOrEmpty(auth.ClientSecretEnv))
            return new ClientCredentialsTokenProvider(ShopifyClient.BaseUri(profile), auth.ClientId, auth.ClientSecretEnv, http, time ?? TimeProvider.System);
        throw new ShopifyTokenUnavailableException("none",
            $"The shop profile '{profile.Name}' says nowhere where its access token comes from. Set one with Set-ShopifyShop -TokenEnvironmentVariable, -TokenFile, or -ClientId with -ClientSecretEnvironmentVariable.");
    }

    /// <summary>Reads an environment variable that must hold a secret; the error names the variable only.</summary>
    internal static string ReadSecretVariable(string variable, string source)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            throw new ShopifyTokenUnavailableException(source,
                $"The environment variable {variable} is not set or is empty. Set it in the session or the scheduled task that runs ShopifyPS.");
        return Checked(value.Trim(), source);
    }

    /// <summary>A token with a line break, NUL or space inside cannot go into a header; the error names the source and
    /// the position, never the value.</summary>
    internal static string Checked(string token, string source) => TokenShape.BadCharacter(token) is { } position
        ? throw new ShopifyTokenUnavailableException(source,
            $"The token from the {source} has a character a token cannot have (a line break, NUL, space or non-ASCII letter) at character {position}. " +
            "Write the token alone on one line.", error: ErrorCatalog.TokenMalformed)
        : token;
}

/// <summary>A token in an environment variable (profile <c>auth.tokenEnv</c>), read on each use so a changed variable takes effect.</summary>
internal sealed class EnvironmentTokenProvider(string variable) : AccessTokenProvider
{
    public override string Source => $"environment variable {variable}";

    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReadSecretVariable(variable, Source));
}

/// <summary>A token in a file (profile <c>auth.tokenFile</c>, resolved from the home folder).</summary>
internal sealed class FileTokenProvider(string path) : AccessTokenProvider
{
    public override string Source => $"token file {path}";

    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (FilePermissions.Problem(path, secret: true) is { } exposed)
            throw new ShopifyTokenUnavailableException(Source, $"The token file is not private: {exposed}", error: ErrorCatalog.InsecurePermissions);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ShopifyTokenUnavailableException(Source, $"The token file {path} does not exist. Write the token there, or set it again with Set-ShopifyShop -AccessToken.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ShopifyTokenUnavailableException(Source, $"The token file {path} cannot be read: {ex.GetType().Name}. Check that the account running ShopifyPS may read it.", ex);
        }
        if (string.IsNullOrWhiteSpace(text))
            throw new ShopifyTokenUnavailableException(Source, $"The token file {path} is empty.");
        return Checked(text.Trim(), Source);
    }
}
