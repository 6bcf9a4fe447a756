using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// The module's private load context (docs/architecture.md, Module loading): the engine and its dependencies (YamlDotNet,
/// Newtonsoft.Json, SQLite, CsvHelper, Polly) load from <c>Dependencies/</c> here, so another module's
/// copy of the same library, in whatever version, cannot clash with ours.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public EngineLoadContext(string folder) : base("ShopifyPS.Engine") => _folder = folder;

    protected override Assembly? Load(AssemblyName name)
    {
        // Returning null defers to the default context: framework assemblies must keep one identity.
        var path = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    // PowerShell does not probe runtimes/<rid>/native for modules, so the build puts the native SQLite
    // library for this platform into Dependencies/ and it is resolved here by name.
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        foreach (var candidate in NativeFileNames(unmanagedDllName))
        {
            var path = Path.Combine(_folder, candidate);
            if (File.Exists(path)) return LoadUnmanagedDllFromPath(path);
        }
        return IntPtr.Zero;
    }

    private static IEnumerable<string> NativeFileNames(string name)
    {
        yield return name;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) yield return name + ".dll";
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) yield return "lib" + name + ".dylib";
        else yield return "lib" + name + ".so";
    }
}
