using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>Completes <c>-Shop</c>/<c>-Name</c> with the profile names in the home folder.</summary>
public sealed class ShopNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = NameCompletions.PrefixOf(wordToComplete);
        return new ShopProfileStore(ShopifyHome.FromEnvironment()).Names().Where(pattern.IsMatch).Select(NameCompletions.For);
    }
}
