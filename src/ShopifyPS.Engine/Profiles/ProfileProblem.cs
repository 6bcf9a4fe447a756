namespace ShopifyPS.Profiles;

/// <summary>
/// One thing wrong with a profile file, with enough to find and fix it: the file, the 1-based
/// line and column, the key path (<c>items.skuMapping</c>) and a stable id that tests and scripts match.
/// </summary>
public sealed record ProfileProblem(ErrorId Error, string File, int Line, int Column, string Key, string Message)
{
    /// <summary>The setting the problem is about: the last part of <see cref="Key"/> (<c>syncItem</c> of <c>items.syncItem</c>).</summary>
    public string Setting => Key.Split('.')[^1];

    public override string ToString() => TokenShape.Redact(
        Line > 0 ? $"{File}:{Line}:{Column}: {Key}: {Message}" : $"{File}: {Key}: {Message}");
}

/// <summary>Thrown when a profile cannot be used; carries every problem found, not just the first.</summary>
public sealed class ProfileException : ShopifyPSException
{
    public ProfileException(IReadOnlyList<ProfileProblem> problems)
        : base(problems[0].Error, string.Join(Environment.NewLine, problems.Select(p => p.ToString())), problems[0].File)
        => Problems = problems;

    public IReadOnlyList<ProfileProblem> Problems { get; }
}
