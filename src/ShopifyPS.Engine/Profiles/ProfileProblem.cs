namespace ShopifyPS.Profiles;

/// <summary>
/// One thing wrong with a profile file, with enough to find and fix it: the file, the 1-based
/// line and column, the key path (<c>items.skuMapping</c>) and a stable id that tests and scripts match.
/// </summary>
public sealed record ProfileProblem(string ErrorId, string File, int Line, int Column, string Key, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Key}: {Message}" : $"{File}: {Key}: {Message}";
}

/// <summary>The stable ids of <see cref="ProfileProblem"/>; PowerShell error records use them as ErrorId.</summary>
public static class ProfileErrorIds
{
    public const string Syntax = "ShopProfileSyntaxError";
    public const string UnknownKey = "ShopProfileUnknownKey";
    public const string InvalidValue = "ShopProfileInvalidValue";
    public const string WrongType = "ShopProfileWrongType";
    public const string MissingKey = "ShopProfileMissingKey";
    public const string InvalidName = "ShopProfileInvalidName";
    public const string InvalidDomain = "ShopProfileInvalidDomain";
    public const string InvalidEndpoint = "ShopProfileInvalidEndpoint";
    public const string InsecureEndpoint = "ShopProfileInsecureEndpoint";
    public const string InvalidApiVersion = "ShopProfileInvalidApiVersion";
    public const string MissingAuth = "ShopProfileMissingAuth";
    public const string AmbiguousAuth = "ShopProfileAmbiguousAuth";
    public const string ConflictingUpdateFlags = "ShopProfileConflictingUpdateFlags";
    public const string DuplicateLocation = "ShopProfileDuplicateLocation";
}

/// <summary>Thrown when a profile cannot be used; carries every problem found, not just the first.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException(IReadOnlyList<ProfileProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
        => Problems = problems;

    public IReadOnlyList<ProfileProblem> Problems { get; }
}
