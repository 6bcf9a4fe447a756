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

    // PowerShell does not probe runtimes/<rid>/native for modules, so the native SQLite library for the running
    // platform is resolved here; the package carries one per supported platform (NativeRuntime.Shipped).
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var os = NativeRuntime.CurrentOS;
        var rid = NativeRuntime.IdentifierFor(os, RuntimeInformation.ProcessArchitecture, NativeRuntime.CurrentIsMusl);
        if (rid is null) return IntPtr.Zero;
        var path = Path.Combine(_folder, NativeRuntime.RelativePath(rid, os, unmanagedDllName));
        return File.Exists(path) ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
