using ShopifyPS.Profiles;

namespace ShopifyPS.Tests.Profiles;

/// <summary>The Windows permission rule, on ACL entries as Windows reports them (so it runs on every platform).</summary>
public sealed class AclRuleTests
{
    private const string Owner = "S-1-5-21-1004336348-1177238915-682003330-1001";
    private const string System = "S-1-5-18";
    private const string Administrators = "S-1-5-32-544";
    private const string Users = "S-1-5-32-545";
    private const string Everyone = "S-1-1-0";
    // Windows' FullControl, ReadAndExecute and Modify masks.
    private const AclRights FullControl = (AclRights)0x1F01FF;
    private const AclRights ReadAndExecute = (AclRights)0x1200A9;
    private const AclRights Modify = (AclRights)0x1301BF;
    private const string File = @"C:\Users\ops\.shopifyps\secrets\contoso.token";
    private const string Folder = @"C:\Users\ops\.shopifyps\secrets";

    // What a file under the user profile inherits: the user, SYSTEM and Administrators, no one else.
    private static readonly AclEntry[] UserProfile =
    [
        new(Owner, FullControl, true),
        new(System, FullControl, true),
        new(Administrators, FullControl, true),
    ];

    [Fact]
    public void Accepts_what_the_user_profile_gives_a_token_file_and_its_folder()
    {
        Assert.Null(AclRule.Problem(File, UserProfile, isFolder: false, secret: true));
        Assert.Null(AclRule.Problem(Folder, UserProfile, isFolder: true, secret: true));
    }

    [Fact]
    public void Refuses_a_token_file_Users_may_read_and_names_the_icacls_command_that_fixes_it()
    {
        var problem = AclRule.Problem(File, [.. UserProfile, new(Users, ReadAndExecute, true)], isFolder: false, secret: true);

        Assert.Equal($"Users may read the token in {File}. Run: icacls \"{File}\" /inheritance:d /remove:g *{Users}", problem);
    }

    [Fact]
    public void Lets_others_read_a_profile_but_not_change_it()
    {
        var readable = new AclEntry(Users, ReadAndExecute, true);
        Assert.Null(AclRule.Problem(@"C:\data\shops\contoso.yml", [.. UserProfile, readable], isFolder: false, secret: false));

        var problem = AclRule.Problem(@"C:\data\shops\contoso.yml", [.. UserProfile, new(Everyone, Modify, true)], isFolder: false, secret: false);
        Assert.StartsWith(@"Everyone may change C:\data\shops\contoso.yml. Run: icacls", problem);
        Assert.EndsWith($"/remove:g *{Everyone}", problem);
    }

    [Fact]
    public void Refuses_a_folder_where_other_users_may_add_or_delete_files()
    {
        var problem = AclRule.Problem(Folder, [.. UserProfile, new(Users, AclRights.WriteData | AclRights.AppendData, true), new(Everyone, AclRights.DeleteChild, true)], isFolder: true, secret: false);

        Assert.Equal($"Users, Everyone may add or replace files in the folder {Folder}. Run: icacls \"{Folder}\" /inheritance:d /remove:g *{Users} *{Everyone}", problem);
    }

    [Fact]
    public void A_deny_entry_takes_the_right_back()
    {
        AclEntry[] entries = [.. UserProfile, new(Users, ReadAndExecute, true), new(Users, AclRights.ReadData, false)];

        Assert.Null(AclRule.Problem(File, entries, isFolder: false, secret: true));
    }

    [Fact]
    public void Rights_held_by_named_accounts_are_theirs_to_hold()
    {
        var service = new AclEntry("S-1-5-21-1004336348-1177238915-682003330-1105", FullControl, true);

        Assert.Null(AclRule.Problem(File, [.. UserProfile, service], isFolder: false, secret: true));
    }
}
