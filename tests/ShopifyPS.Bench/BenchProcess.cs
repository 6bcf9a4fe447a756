using System.Diagnostics;
using System.Text.Json;

namespace ShopifyPS.Bench;

/// <summary>Runs this benchmark program again as a process of its own, so what it measures starts from a fresh runtime.</summary>
internal static class BenchProcess
{
    /// <summary>Runs the program with <paramref name="arguments"/> plus <c>--json &lt;file&gt;</c> and reads back what it saved there.</summary>
    public static T Run<T>(IEnumerable<string> arguments)
    {
        var resultFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            // Under 'dotnet ShopifyPS.Bench.dll' the process is the dotnet host, which needs the program's path first.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
            foreach (var argument in arguments.Concat(["--json", resultFile])) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', arguments)}' failed with exit code {process.ExitCode}.");
            return JsonSerializer.Deserialize<T>(File.ReadAllText(resultFile), Json)!;
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
