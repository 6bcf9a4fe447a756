using System.Text.RegularExpressions;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// Rewrites GraphQL.NET validation errors into graphql-ruby's wording and codes (what Shopify
/// returns) for the common cases; other rules keep GraphQL.NET's message and code.
/// </summary>
internal static partial class ValidationErrors
{
    public static GraphError ToShopify(global::GraphQL.ExecutionError e)
    {
        var locations = e.Locations?.Select(l => (l.Line, l.Column)).ToList();
        var (message, code) = e.Code switch
        {
            "FIELDS_ON_CORRECT_TYPE" when UnknownField().Match(e.Message) is { Success: true } m =>
                ($"Field '{m.Groups[1].Value}' doesn't exist on type '{m.Groups[2].Value}'", "undefinedField"),
            "KNOWN_ARGUMENT_NAMES" when UnknownArgument().Match(e.Message) is { Success: true } m =>
                ($"Field '{m.Groups[2].Value}' doesn't accept argument '{m.Groups[1].Value}'", "argumentNotAccepted"),
            "PROVIDED_REQUIRED_ARGUMENTS" when MissingArgument().Match(e.Message) is { Success: true } m =>
                ($"Field '{m.Groups[2].Value}' is missing required arguments: {m.Groups[1].Value}", "missingRequiredArguments"),
            "ARGUMENTS_OF_CORRECT_TYPE" => (e.Message, "argumentLiteralsIncompatible"),
            "KNOWN_TYPE_NAMES" => (e.Message, "undefinedType"),
            "NO_UNUSED_VARIABLES" => (e.Message, "variableNotUsed"),
            "NO_UNDEFINED_VARIABLES" => (e.Message, "variableNotDefined"),
            "VARIABLES_IN_ALLOWED_POSITION" => (e.Message, "variableMismatch"),
            "KNOWN_DIRECTIVES" => (e.Message, "undefinedDirective"),
            "INVALID_VALUE" or "INPUT_FIELDS" => (e.Message, "INVALID_VARIABLE"),
            _ when e.GetType().Name == "InvalidVariableError" => (e.Message, "INVALID_VARIABLE"),
            _ => (e.Message, e.Code ?? "VALIDATION_ERROR"),
        };
        return new GraphError(message, code, null, locations);
    }

    [GeneratedRegex("Cannot query field '([^']+)' on type '([^']+)'")]
    private static partial Regex UnknownField();

    [GeneratedRegex("Unknown argument '([^']+)' on field '([^']+)'")]
    private static partial Regex UnknownArgument();

    [GeneratedRegex("Argument '([^']+)' of type '[^']+' is required for field '([^']+)'")]
    private static partial Regex MissingArgument();
}
