namespace ShopifyPS.Profiles;

/// <summary>
/// The ssh rule for the files that decide where ShopifyPS sends what: a profile, a token file and the folders they
/// live in must not be writable by other users (who could point the shop elsewhere or swap the token), and a token
/// file must not be readable by them. Each problem says the command that fixes it: chmod on Unix, icacls on Windows
/// (where the rule reads the ACL, <see cref="AclRule"/>).
/// </summary>
public static class FilePermissions
{
    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private const UnixFileMode OthersRead = UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>What is wrong with the file and its folder, or null when nothing is.</summary>
    public static string? Problem(string file, bool secret)
    {
        if (!File.Exists(file)) return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (OperatingSystem.IsWindows())
            return AclRule.Problem(folder, WindowsAcl.Entries(folder, isFolder: true), isFolder: true, secret)
                ?? AclRule.Problem(Path.GetFullPath(file), WindowsAcl.Entries(file, isFolder: false), isFolder: false, secret);
        var folderMode = File.GetUnixFileMode(folder);
        // A sticky world-writable folder (/tmp) lets others add files but not replace this one.
        if ((folderMode & OthersWrite) != 0 && (folderMode & UnixFileMode.StickyBit) == 0)
            return $"Other users may write to the folder {folder}, so they could replace {Path.GetFileName(file)}. Run: chmod go-w '{folder}'";
        var mode = File.GetUnixFileMode(file);
        if ((mode & OthersWrite) != 0)
            return $"Other users may write to {file}. Run: chmod go-w '{file}'";
        if (secret && (mode & OthersRead) != 0)
            return $"Other users may read the token in {file}. Run: chmod 600 '{file}'";
        return null;
    }
}
