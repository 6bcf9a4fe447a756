using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Storage;

/// <summary>A database file as an older ShopifyPS left it: the migrations up to a version, then the test's rows.</summary>
internal static class OldSchema
{
    public static void Create(string path, int version, string rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Join("\n", Enumerable.Range(1, version).Select(v => Text(v) + $"\nPRAGMA user_version = {v};")) + "\n" + rows;
        command.ExecuteNonQuery();
    }

    private static string Text(int version)
    {
        var name = typeof(SqliteStore).Assembly.GetManifestResourceNames().Single(n => n.StartsWith($"ShopifyPS.Storage.Migrations.{version:D4}_", StringComparison.Ordinal));
        using var reader = new StreamReader(typeof(SqliteStore).Assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
