using System.Globalization;
using System.Reflection;

namespace ShopifyPS.Storage;

/// <summary>
/// Versioned schema changes: <c>Migrations/NNNN_name.sql</c> (embedded) takes the database to version NNNN,
/// recorded in <c>PRAGMA user_version</c>. Each migration runs in its own immediate transaction that also
/// re-reads the version, so two processes opening a new database at once migrate it once.
/// </summary>
internal static class SchemaMigrations
{
    private const string ResourcePrefix = "ShopifyPS.Storage.Migrations.";

    public static IReadOnlyList<(int Version, string Name)> All { get; } = typeof(SchemaMigrations).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (Version: int.Parse(n.AsSpan(ResourcePrefix.Length, 4), CultureInfo.InvariantCulture), Name: n))
        .OrderBy(m => m.Version)
        .ToList();

    public static int Latest => All[^1].Version;

    public static void Apply(SqliteStore store)
    {
        if (Version(store) == Latest) return;
        foreach (var (version, name) in All)
        {
            using var transaction = store.BeginTransaction();
            var current = Version(store);
            if (current > Latest)
                throw new StoreUnusableException(
                    $"The database {store.Path} has schema version {current}, written by a newer ShopifyPS (this one knows up to {Latest}). Update ShopifyPS or use another database.", store.Path);
            if (current >= version) continue;
            using (var command = store.Command(Read(name) + $"\nPRAGMA user_version = {version};"))
                command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int Version(SqliteStore store)
    {
        using var command = store.Command("PRAGMA user_version;");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
