using System.Management.Automation;
using ShopifyPS.Erp;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// Lets a bool parameter take text, as <c>Import-Csv</c> gives it: true/false, 1/0, yes/no. PowerShell itself
/// refuses text for a bool parameter (and would read "False" as true if it did not).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BooleanTextAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text) return inputData;
        return ErpColumn.TryParseBoolean(text, out var result)
            ? result!
            : throw new ArgumentTransformationMetadataException($"'{text}' is not true or false (also accepted: 1/0, yes/no).");
    }
}
