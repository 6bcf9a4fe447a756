using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>Completes <c>-Location</c> with the location names in the shop profile of <c>-Shop</c> (every profile's when
/// no shop is given yet). A profile that does not load completes nothing.</summary>
public sealed class LocationNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = NameCompletions.PrefixOf(wordToComplete);
        var store = new ShopProfileStore(ShopifyHome.FromEnvironment());
        var shops = fakeBoundParameters["Shop"] is string shop ? new[] { shop } : store.Names();
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in shops)
        {
            try
            {
                names.UnionWith(store.Load(name).Locations.Select(l => l.Name).Where(n => pattern.IsMatch(n)));
            }
            catch (ShopifyPSException)
            {
                // Nothing to offer from a profile that cannot be read; the command itself will say why.
            }
        }
        return names.Select(NameCompletions.For);
    }
}
