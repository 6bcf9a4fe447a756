using System.Reflection;
using System.Runtime.Loader;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// Routes the one request the default context cannot satisfy — the engine assembly, which lives in
/// Dependencies/ where default probing never looks — to the module's own load context; the engine's
/// dependencies then resolve inside that context. ShopifyPS.psm1 calls <see cref="Register"/> before
/// PowerShell inspects the cmdlet types, because that inspection already needs the engine (the cmdlets
/// have engine-typed parameters). This class must therefore reference nothing from the engine.
/// </summary>
public static class EngineResolver
{
    private const string EngineName = "ShopifyPS.Engine";
    private static readonly object Gate = new();
    private static EngineLoadContext? _context;

    public static void Register()
    {
        lock (Gate)
        {
            // Re-importing the module must not register a second handler or create a second context.
            if (_context is not null) return;
            var folder = Path.Combine(Path.GetDirectoryName(typeof(EngineResolver).Assembly.Location)!, "Dependencies");
            _context = new EngineLoadContext(folder);
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EngineName ? _context!.LoadFromAssemblyName(name) : null;
}
