namespace ShopifyPS.Profiles;

/// <summary>Reads, writes and lists the profiles in <c>&lt;home&gt;/shops</c>.</summary>
public sealed class ShopProfileStore
{
    private const string Extension = ".yml";

    public ShopProfileStore(ShopifyHome home) => Home = home;

    public ShopifyHome Home { get; }

    public string PathFor(string name) => Path.Combine(Home.ShopsFolder, name + Extension);

    public bool Exists(string name) => File.Exists(PathFor(name));

    /// <summary>The names of every profile file, sorted.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Home.ShopsFolder)
            ? Directory.EnumerateFiles(Home.ShopsFolder, "*" + Extension).Select(f => Path.GetFileNameWithoutExtension(f)!)
                .Order(StringComparer.OrdinalIgnoreCase).ToList()
            : Array.Empty<string>();

    /// <summary>Loads and validates a profile; every problem found is reported, none is silently fixed.</summary>
    /// <exception cref="ShopifyPSException">No profile of that name (ShopifyProfileNotFound).</exception>
    /// <exception cref="ProfileException">The file is not a usable profile.</exception>
    public ShopProfile Load(string name)
    {
        var (profile, problems) = Check(name);
        if (problems.Count > 0) throw new ProfileException(problems);
        return profile!;
    }

    /// <summary>
    /// Loads a profile to be changed and saved again: a value the validator refuses (a bad location filter, an endpoint)
    /// does not stop it, since the change may be its repair; <see cref="Save"/> validates what is written. A file that
    /// cannot be read as a profile at all still fails.
    /// </summary>
    /// <exception cref="ShopifyPSException">No profile of that name (ShopifyProfileNotFound).</exception>
    /// <exception cref="ProfileException">The file is not readable as a profile.</exception>
    public ShopProfile LoadForChange(string name)
    {
        var (file, text, refused) = Open(name);
        if (refused is not null) throw new ProfileException([refused]);
        var (profile, problems, positions) = ProfileYamlReader.Read(file, text!);
        // The name decides which file a save writes, so a wrong name is never carried into a save.
        if (profile is not null) problems.AddRange(ProfileValidator.Validate(profile, file, name, positions).Where(p => p.Key == "name"));
        if (profile is null || problems.Count > 0) throw new ProfileException(problems);
        return profile;
    }

    /// <summary>Reads a profile and returns it (when readable) with all its problems, for Test-ShopifyShop.</summary>
    /// <exception cref="ShopifyPSException">No profile of that name (ShopifyProfileNotFound).</exception>
    public (ShopProfile? Profile, IReadOnlyList<ProfileProblem> Problems) Check(string name)
    {
        var (file, text, refused) = Open(name);
        if (refused is not null) return (null, [refused]);
        var (profile, problems, positions) = ProfileYamlReader.Read(file, text!);
        if (profile is not null) problems.AddRange(ProfileValidator.Validate(profile, file, name, positions));
        return (profile, problems);
    }

    /// <summary>Reads a profile that may be broken, for Set-ShopifyShop to repair: what could be read (broken lines left
    /// out, bad values at their defaults) and every problem, the profile rules' too, or null when nothing could be read.</summary>
    /// <exception cref="ShopifyPSException">No profile of that name (ShopifyProfileNotFound).</exception>
    public (ShopProfile? Profile, IReadOnlyList<ProfileProblem> Problems) LoadForRepair(string name)
    {
        var (file, text, refused) = Open(name);
        if (refused is not null) return (null, [refused]);
        var (profile, problems, positions) = ProfileYamlReader.ReadLenient(file, text!);
        if (profile is not null) problems.AddRange(ProfileValidator.Validate(profile, file, name, positions));
        return (profile, problems);
    }

    /// <summary>The profile's file and text, or the problem that refuses it before it is read: others may change it (as
    /// ssh does, ShopifyPS refuses such a file), or it cannot be read.</summary>
    private (string File, string? Text, ProfileProblem? Refused) Open(string name)
    {
        var file = ExistingFile(name);
        try
        {
            if (FilePermissions.Problem(file, secret: false) is { } exposed)
                return (file, null, new ProfileProblem(ErrorCatalog.InsecurePermissions, file, 0, 0, "(file)", $"{exposed} (as ssh does, ShopifyPS refuses a profile others could change)."));
            return (file, File.ReadAllText(file), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (file, null, new ProfileProblem(ErrorCatalog.ProfileUnreadable, file, 0, 0, "(file)", $"The file cannot be read: {ex.Message}"));
        }
    }

    private string ExistingFile(string name)
    {
        var file = PathFor(name);
        if (!File.Exists(file))
            throw new ShopifyPSException(ErrorCatalog.ProfileNotFound,
                $"No shop profile '{name}' in {Home.ShopsFolder}. Create one with New-ShopifyShop, or list them with Get-ShopifyShop.", name);
        return file;
    }

    /// <summary>Validates and writes a profile atomically (write to a temp file, then rename).</summary>
    /// <exception cref="ProfileException">The profile would not load again.</exception>
    public void Save(ShopProfile profile)
    {
        if (!ProfileValidator.IsValidName(profile.Name))
            throw new ProfileException(new[] { new ProfileProblem(ErrorCatalog.ProfileInvalidName, PathFor(profile.Name), 0, 0, "name",
                $"'{profile.Name}' cannot be a shop name: use letters, digits, '-' and '_' (at most 64, starting with a letter or digit).") });
        var file = PathFor(profile.Name);
        var text = ProfileYamlWriter.Write(profile);
        var (_, problems, positions) = ProfileYamlReader.Read(file, text);
        problems.AddRange(ProfileValidator.Validate(profile, file, profile.Name, positions));
        if (problems.Count > 0) throw new ProfileException(problems);

        Home.CreateFolder(Home.ShopsFolder);
        var temp = file + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, file, overwrite: true);
    }

    public void Delete(string name) => File.Delete(PathFor(name));
}
