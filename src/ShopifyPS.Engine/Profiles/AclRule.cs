namespace ShopifyPS.Profiles;

/// <summary>The bits of a Windows file access mask the rule looks at (the values Windows uses, so a mask converts as it is).</summary>
[Flags]
public enum AclRights
{
    ReadData = 0x1,
    /// <summary>On a folder: create files.</summary>
    WriteData = 0x2,
    /// <summary>On a folder: create subfolders.</summary>
    AppendData = 0x4,
    WriteExtendedAttributes = 0x10,
    /// <summary>On a folder: delete what it holds, whatever the holder's rights on those.</summary>
    DeleteChild = 0x40,
    WriteAttributes = 0x100,
    Delete = 0x10000,
    ChangePermissions = 0x40000,
    TakeOwnership = 0x80000,
}

/// <summary>One allow or deny entry of a Windows ACL: who (a SID) and which rights.</summary>
public sealed record AclEntry(string Sid, AclRights Rights, bool Allow);

/// <summary>
/// The Windows form of the ssh rule in <see cref="FilePermissions"/>: a profile, a token file and their folders must not
/// give groups that hold other users (Everyone, Authenticated Users, Users, Guests, Anonymous, Interactive) the right to
/// change them, and a token file must not give them the right to read it. Each problem says the icacls command that
/// removes those entries. Kept apart from the ACL reading so the rule is tested on every platform.
/// </summary>
public static class AclRule
{
    private static readonly Dictionary<string, string> OtherUsers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S-1-1-0"] = "Everyone",
        ["S-1-5-11"] = "Authenticated Users",
        ["S-1-5-32-545"] = "Users",
        ["S-1-5-32-546"] = "Guests",
        ["S-1-5-7"] = "Anonymous",
        ["S-1-5-4"] = "Interactive",
    };

    // Any of these lets the holder replace the content, or take the file over and then do so.
    private const AclRights Change = AclRights.WriteData | AclRights.AppendData | AclRights.Delete |
        AclRights.ChangePermissions | AclRights.TakeOwnership | AclRights.WriteAttributes | AclRights.WriteExtendedAttributes;

    // Adding files to a folder, or deleting the ones it holds.
    private const AclRights ChangeFolder = AclRights.WriteData | AclRights.DeleteChild | AclRights.ChangePermissions | AclRights.TakeOwnership;

    /// <summary>What the entries let other users do to <paramref name="path"/>, or null when nothing.</summary>
    public static string? Problem(string path, IEnumerable<AclEntry> entries, bool isFolder, bool secret)
    {
        var allowed = entries.Where(e => e.Allow && OtherUsers.ContainsKey(e.Sid)).ToList();
        var denied = entries.Where(e => !e.Allow && OtherUsers.ContainsKey(e.Sid)).Aggregate((AclRights)0, (all, e) => all | e.Rights);
        var writers = Holders(allowed, (isFolder ? ChangeFolder : Change) & ~denied);
        if (writers.Count > 0)
            return isFolder
                ? $"{Names(writers)} may add or replace files in the folder {path}. Run: {Fix(path, writers)}"
                : $"{Names(writers)} may change {path}. Run: {Fix(path, writers)}";
        if (!secret || isFolder) return null;
        var readers = Holders(allowed, AclRights.ReadData & ~denied);
        return readers.Count > 0 ? $"{Names(readers)} may read the token in {path}. Run: {Fix(path, readers)}" : null;
    }

    private static List<string> Holders(List<AclEntry> allowed, AclRights rights) =>
        allowed.Where(e => (e.Rights & rights) != 0).Select(e => e.Sid).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Names(List<string> sids) => string.Join(", ", sids.Select(s => OtherUsers[s]));

    // /inheritance:d turns inherited entries into explicit ones first, so /remove:g can take them away.
    private static string Fix(string path, List<string> sids) =>
        $"icacls \"{path}\" /inheritance:d /remove:g {string.Join(" ", sids.Select(s => "*" + s))}";
}
