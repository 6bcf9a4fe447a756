using System.Management.Automation;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>What the name completers share: prefix matching that ignores case and the quotes being typed, and
/// results quoted so that a name with a space or a quote pastes back as one argument.</summary>
internal static class NameCompletions
{
    public static WildcardPattern PrefixOf(string wordToComplete) =>
        new(WildcardPattern.Escape(wordToComplete.Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);

    public static CompletionResult For(string name) =>
        new(name.Contains(' ') || name.Contains('\'') ? $"'{name.Replace("'", "''")}'" : name, name, CompletionResultType.ParameterValue, name);
}
