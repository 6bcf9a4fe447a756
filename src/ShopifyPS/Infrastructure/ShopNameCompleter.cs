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
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (var name in new ShopProfileStore(ShopifyHome.FromEnvironment()).Names())
        {
            if (!pattern.IsMatch(name)) continue;
            var text = name.Contains(' ') ? $"'{name}'" : name;
            yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
        }
    }
}
