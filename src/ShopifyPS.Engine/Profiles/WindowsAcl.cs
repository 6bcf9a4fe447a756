using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace ShopifyPS.Profiles;

/// <summary>Reads the access entries of a file or folder on Windows, for <see cref="AclRule"/>.</summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAcl
{
    public static IReadOnlyList<AclEntry> Entries(string path, bool isFolder)
    {
        FileSystemSecurity security = isFolder
            ? new DirectoryInfo(path).GetAccessControl(AccessControlSections.Access)
            : new FileInfo(path).GetAccessControl(AccessControlSections.Access);
        return security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier))
            .OfType<FileSystemAccessRule>()
            .Select(r => new AclEntry(r.IdentityReference.Value, (AclRights)(int)r.FileSystemRights, r.AccessControlType == AccessControlType.Allow))
            .ToList();
    }
}
