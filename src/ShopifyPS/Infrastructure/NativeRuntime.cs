using System.Runtime.InteropServices;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// Which of the native SQLite libraries the module ships (<c>Dependencies/runtimes/&lt;rid&gt;/native/</c>) fits the
/// running platform. The choice is a pure function of operating system, architecture and C library, so it can be
/// checked for every runtime identifier on any one machine.
/// </summary>
public static class NativeRuntime
{
    /// <summary>The runtime identifiers whose native library the package carries.</summary>
    public static IReadOnlyList<string> Shipped { get; } =
        new[] { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "linux-musl-x64", "osx-x64", "osx-arm64" };

    /// <summary>The shipped runtime identifier for a platform, or null when the package has no library for it.</summary>
    public static string? IdentifierFor(OSPlatform os, Architecture architecture, bool musl)
    {
        var arch = architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        if (arch is null) return null;
        string rid;
        if (os == OSPlatform.Windows) rid = "win-" + arch;
        else if (os == OSPlatform.OSX) rid = "osx-" + arch;
        else if (os == OSPlatform.Linux) rid = (musl ? "linux-musl-" : "linux-") + arch;
        else return null;
        return Shipped.Contains(rid) ? rid : null;
    }

    /// <summary>The file name the native library <paramref name="name"/> has on <paramref name="os"/>; a name that
    /// already carries the "lib" prefix (SkiaSharp imports "libSkiaSharp") does not get a second one.</summary>
    public static string FileName(OSPlatform os, string name)
    {
        if (os == OSPlatform.Windows) return name + ".dll";
        var prefixed = name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name;
        return prefixed + (os == OSPlatform.OSX ? ".dylib" : ".so");
    }

    /// <summary>Where the library for <paramref name="rid"/> lives, relative to <c>Dependencies/</c>.</summary>
    public static string RelativePath(string rid, OSPlatform os, string name) =>
        Path.Combine("runtimes", rid, "native", FileName(os, name));

    /// <summary>The running process's platform.</summary>
    public static OSPlatform CurrentOS =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OSPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? OSPlatform.OSX
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? OSPlatform.Linux
        : OSPlatform.FreeBSD;

    /// <summary>
    /// Linux on musl (Alpine): the .NET runtime built for musl says so in its own identifier; a glibc runtime on a musl
    /// system cannot run at all, so the loader's presence is only a fallback for runtimes that report a bare "linux-x64".
    /// </summary>
    public static bool CurrentIsMusl =>
        CurrentOS == OSPlatform.Linux
        && (RuntimeInformation.RuntimeIdentifier.Contains("-musl", StringComparison.Ordinal)
            || Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*.so.1").Any());
}
