using System.Net.Http;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;


namespace ShopifyPS.Tests.Profiles;

/// <summary>Profiles whose token is a SecretManagement secret: validated, written, and the secret read when the profile loads.</summary>
[Collection(nameof(VaultSecretTests))] // VaultSecrets.Reader is process-wide.
public sealed class VaultSecretTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shopifyps-vault-" + Guid.NewGuid().ToString("N"));
    private readonly ShopifyHome _home;
    private readonly ShopProfileStore _store;

    public VaultSecretTests()
    {
        _home = new ShopifyHome(_root);
        _store = new ShopProfileStore(_home);
    }

    public void Dispose()
    {
        VaultSecrets.Reader = null;
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ShopProfile Save(AuthSettings auth)
    {
        var profile = new ShopProfile { Name = "contoso", Domain = "contoso.myshopify.com", Auth = auth };
        _store.Save(profile);
        return profile;
    }

    private static Task<string> Token(ShopProfile profile) =>
        AccessTokenProvider.FromProfile(profile, new ShopifyHome(Path.GetTempPath()), new HttpClient()).GetTokenAsync(default).AsTask();

    [Fact]
    public async Task The_secret_is_read_when_a_client_is_made_and_never_written()
    {
        var asked = new List<(string, string?)>();
        VaultSecrets.Reader = (name, vault) => { asked.Add((name, vault)); return " shpat_from_vault "; };
        Save(new AuthSettings { SecretName = "ContosoToken", SecretVault = "Company" });

        var profile = _store.Load("contoso");
        Assert.Empty(asked);

        Assert.Equal("shpat_from_vault", await Token(profile));
        Assert.Equal(new[] { ("ContosoToken", (string?)"Company") }, asked);
        Assert.Equal("SecretManagement secret 'ContosoToken' in vault 'Company'", profile.Auth.Describe());
        var yaml = File.ReadAllText(_store.PathFor("contoso"));
        Assert.Contains("secretName: ContosoToken", yaml);
        Assert.Contains("secretVault: Company", yaml);
        Assert.DoesNotContain("shpat_from_vault", yaml);
    }

    [Fact]
    public async Task A_secret_that_cannot_be_read_is_reported_when_the_token_is_needed()
    {
        VaultSecrets.Reader = (_, _) => throw new InvalidOperationException("Get-Secret is not available: install the module.");
        Save(new AuthSettings { SecretName = "ContosoToken" });

        var error = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => Token(_store.Load("contoso")));

        Assert.Equal(ErrorCatalog.SecretUnavailable, error.Error);
        Assert.Contains("install the module", error.Message);
        Assert.Equal("SecretManagement secret 'ContosoToken' (default vault)", error.TokenSource);
    }

    [Theory]
    [InlineData("tokenEnv: T\n  secretName: S", "ShopifyProfileAmbiguousAuth")]
    [InlineData("secretVault: V", "ShopifyProfileMissingAuth")]
    public void A_secret_source_is_one_token_source_and_needs_its_name(string auth, string errorId)
    {
        Directory.CreateDirectory(_home.ShopsFolder);
        File.WriteAllText(_store.PathFor("contoso"), $"name: contoso\ndomain: contoso.myshopify.com\nauth:\n  {auth}\n");

        var problem = Assert.Single(Assert.Throws<ProfileException>(() => _store.Load("contoso")).Problems);
        Assert.Equal(errorId, problem.Error.Name);
    }
}
