using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Lists shop profiles; a profile that cannot be loaded is reported and the rest are still listed.</summary>
[Cmdlet(VerbsCommon.Get, "ShopifyShop")]
[OutputType(typeof(ShopProfile))]
public sealed class GetShopifyShopCommand : ShopifyCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Shop")]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [SupportsWildcards]
    public string[] Name { get; set; } = { "*" };

    protected override void Process()
    {
        var names = ProfileStore.Names();
        foreach (var requested in Name)
        {
            var pattern = new WildcardPattern(requested, WildcardOptions.IgnoreCase);
            var matches = names.Where(n => pattern.IsMatch(n)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(requested))
            {
                WriteRecordError(ErrorCatalog.ProfileNotFound,
                    $"No shop profile '{requested}' in {Home.ShopsFolder}. Create one with New-ShopifyShop.", requested);
                continue;
            }
            foreach (var name in matches)
            {
                try
                {
                    WriteObject(ProfileStore.Load(name));
                }
                catch (ProfileException ex)
                {
                    WriteRecordError(ex.Problems[0].Error,
                        $"The shop profile '{name}' cannot be used:{Environment.NewLine}{ex.Message}", name, ex);
                }
                catch (ShopifyPSException ex)
                {
                    // One profile that cannot be read (permissions, a file that vanished) never hides the others.
                    WriteRecordError(ex, name);
                }
            }
        }
    }
}
