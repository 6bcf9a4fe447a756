using ShopifyPS.Profiles;

namespace ShopifyPS.Tests.Profiles;

/// <summary>Damaged and hostile profile files: every problem has a real position, and nothing can take the host down.</summary>
public sealed class ProfileYamlHardeningTests : IDisposable
{
    private const string Valid = "name: shop\ndomain: shop.myshopify.com\nauth:\n  tokenEnv: SHOP_TOKEN\nitems:\n  syncItem: ToShopify\n  skuMapping: ItemNo\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shopifyps-tests-" + Guid.NewGuid().ToString("N"));
    private readonly ShopProfileStore _store;

    public ProfileYamlHardeningTests() => _store = new ShopProfileStore(new ShopifyHome(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ProfileProblem OnlyProblem(string yaml)
    {
        Directory.CreateDirectory(_store.Home.ShopsFolder);
        File.WriteAllText(_store.PathFor("shop"), yaml);
        var (_, problems) = _store.Check("shop");
        return Assert.Single(problems);
    }

    [Theory]
    [InlineData("  syncItem: [ToShopify\n", 6, 13, "'[' opened here is never closed")]
    [InlineData("  syncItem: {ToShopify\n", 6, 13, "'{' opened here is never closed")]
    [InlineData("\tsyncItem: ToShopify\n", 6, 1, "tab")]
    [InlineData("  syncItem: *nowhere\n", 6, 13, "names no anchor")]
    public void A_syntax_error_names_its_real_line_and_column(string brokenLine, int line, int column, string expect)
    {
        var yaml = Valid.Replace("  syncItem: ToShopify\n", brokenLine);
        var problem = OnlyProblem(yaml);
        Assert.Equal((ErrorCatalog.ProfileSyntaxError, line, column), (problem.Error, problem.Line, problem.Column));
        Assert.Contains(expect, problem.Message);
    }

    [Theory]
    [InlineData('[', 50_000)]
    [InlineData('{', 50_000)]
    public void Deep_nesting_is_refused_at_the_bracket_that_goes_too_deep(char bracket, int count)
    {
        var problem = OnlyProblem("items: " + new string(bracket, count) + "\n");
        Assert.Equal((ErrorCatalog.ProfileSyntaxError, 1), (problem.Error, problem.Line));
        Assert.Contains("levels deep", problem.Message);
    }

    [Fact]
    public void Deep_block_nesting_is_refused_too()
    {
        var problem = OnlyProblem(string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "k:\n")));
        Assert.Contains("levels deep", problem.Message);
    }

    [Fact]
    public void A_second_document_is_refused_where_it_starts()
    {
        var problem = OnlyProblem(Valid + "---\nname: other\n");
        Assert.Equal((ErrorCatalog.ProfileSyntaxError, 9), (problem.Error, problem.Line));
        Assert.Contains("one YAML document", problem.Message);
    }

    [Fact]
    public void A_variant_prefix_longer_than_five_characters_is_refused()
    {
        var problem = OnlyProblem(Valid + "  variantPrefix: VARIANT\n");
        Assert.Equal((ErrorCatalog.ProfileInvalidValue, "items.variantPrefix", 8), (problem.Error, problem.Key, problem.Line));
        Assert.Contains("at most 5", problem.Message);
    }

    [Theory]
    [InlineData("tokenEnv: shpat_0123456789abcdef0123456789abcdef", "auth.tokenEnv")]
    [InlineData("tokenFile: 0123456789abcdef0123456789abcdef", "auth.tokenFile")]
    public void A_token_where_its_source_belongs_is_refused_without_repeating_it(string setting, string key)
    {
        var problem = OnlyProblem(Valid.Replace("tokenEnv: SHOP_TOKEN", setting));
        Assert.Equal((ErrorCatalog.ProfileTokenInSetting, key), (problem.Error, problem.Key));
        Assert.DoesNotContain("0123456789abcdef", problem.ToString());
    }

    [Fact]
    public void A_profile_others_may_write_is_refused_with_the_chmod()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_store.Home.ShopsFolder);
        File.WriteAllText(_store.PathFor("shop"), Valid);
        File.SetUnixFileMode(_store.PathFor("shop"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);
        var (_, problems) = _store.Check("shop");
        var problem = Assert.Single(problems);
        Assert.Equal(ErrorCatalog.InsecurePermissions, problem.Error);
        Assert.Contains($"chmod go-w '{_store.PathFor("shop")}'", problem.Message);
    }

    [Fact]
    public void A_broken_line_is_left_out_for_repair_and_the_rest_is_read()
    {
        Directory.CreateDirectory(_store.Home.ShopsFolder);
        File.WriteAllText(_store.PathFor("shop"), Valid.Replace("  syncItem: ToShopify\n", "  syncItem: [ToShopify\n"));

        var (profile, problems) = _store.LoadForRepair("shop");

        Assert.NotNull(profile);
        Assert.Equal(("shop.myshopify.com", SkuMapping.ItemNo), (profile.Domain, profile.Items.SkuMapping));
        Assert.Contains("Left out: syncItem: [ToShopify", Assert.Single(problems).Message);
        profile.Items.SyncItem = SyncItemMode.ToShopify;
        _store.Save(profile);
        Assert.Equal(SyncItemMode.ToShopify, _store.Load("shop").Items.SyncItem);
    }
}
