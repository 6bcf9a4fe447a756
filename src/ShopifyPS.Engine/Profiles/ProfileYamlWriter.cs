using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ShopifyPS.Profiles;

/// <summary>Writes a profile as YAML with every key present, so the file documents every setting.</summary>
internal static class ProfileYamlWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static string Write(ShopProfile profile) =>
        "# ShopifyPS shop profile. Edit with Set-ShopifyShop, or by hand and check with Test-ShopifyShop.\n" +
        "# Secrets are never stored here: auth points at an environment variable, a token file or a SecretManagement secret.\n" +
        Serializer.Serialize(profile);
}
