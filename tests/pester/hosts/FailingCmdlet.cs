using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;

namespace ShopifyPS.Tests;

/// <summary>A cmdlet on ShopifyPS's own base class that fails the way a bug would: with a plain .NET exception no
/// ErrorId covers. The suites use it to prove the base class turns such a failure into ShopifyUnexpectedError.</summary>
[Cmdlet(VerbsDiagnostic.Test, "ShopifyUnexpectedFailure")]
public sealed class FailingCmdlet : ShopifyCmdlet
{
    protected override void Process() => throw new System.InvalidOperationException("probe failure: nothing maps this");
}
