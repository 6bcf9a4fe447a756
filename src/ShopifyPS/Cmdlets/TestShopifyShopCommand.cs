using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Checks a shop profile and reports every problem with file, line, column and key.</summary>
[Cmdlet(VerbsDiagnostic.Test, "ShopifyShop")]
[OutputType(typeof(ShopTestResult))]
public sealed class TestShopifyShopCommand : ShopifyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Shop")]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        IReadOnlyList<ProfileProblem> problems;
        try
        {
            problems = ProfileStore.Check(Name).Problems;
        }
        catch (FileNotFoundException ex)
        {
            WriteRecordError("ShopProfileNotFound", ErrorCategory.ObjectNotFound, ex.Message, Name, ex);
            return;
        }
        foreach (var problem in problems)
            WriteRecordError(problem.ErrorId, ErrorCategory.InvalidData, problem.ToString(), problem);
        WriteObject(new ShopTestResult(Name, ProfileStore.PathFor(Name), problems));
    }
}
