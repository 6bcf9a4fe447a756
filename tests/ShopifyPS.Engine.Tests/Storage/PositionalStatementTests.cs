using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Storage;

/// <summary>The positional write binds values as Microsoft.Data.Sqlite would, takes part in the open transaction, and
/// reports SQLite's errors as SqliteException.</summary>
public sealed class PositionalStatementTests
{
    [Fact]
    public void Binds_text_integers_and_nulls_by_position_inside_the_open_transaction()
    {
        using var connection = Open();
        using var insert = new PositionalStatement(connection, "INSERT INTO t (a, b, c) VALUES ($p0, $p1, $p2)");

        using (connection.BeginTransaction())
        {
            Assert.Equal(1, insert.Execute(["x", 5L, null]));
            Assert.Equal(1, insert.Execute(["y", 7, DBNull.Value]));
        }
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t"));

        using (var transaction = connection.BeginTransaction())
        {
            insert.Execute(["x", 5L, null]);
            insert.Execute(["y", 7, "z"]);
            transaction.Commit();
        }
        Assert.Equal("x|5|null y|7|z", string.Join(" ", Rows(connection)));
    }

    [Fact]
    public void Text_reads_back_as_bound_empty_long_and_beyond_ASCII_alike()
    {
        using var connection = Open();
        using var insert = new PositionalStatement(connection, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)");
        // One buffer serves every value: a long text after a short one, then a short one again, must not keep its tail.
        string[] texts = ["", "kort", new string('x', 5000) + "æøå", "Ål 🦀 \"sitat\"", "z"];

        for (var i = 0; i < texts.Length; i++) insert.Execute([$"k{i}", i, texts[i]]);

        for (var i = 0; i < texts.Length; i++)
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT c, typeof(c) FROM t WHERE a = $a";
            read.Parameters.AddWithValue("$a", $"k{i}");
            using var reader = read.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((texts[i], "text"), (reader.GetString(0), reader.GetString(1)));
        }
    }

    [Fact]
    public void A_constraint_SQLite_refuses_is_a_SqliteException_and_the_statement_stays_usable()
    {
        using var connection = Open();
        using var insert = new PositionalStatement(connection, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)");
        insert.Execute(["x", 1, null]);

        var error = Assert.Throws<SqliteException>(() => insert.Execute(["x", 2, null]));

        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(1, insert.Execute(["y", 2, null]));
    }

    [Fact]
    public void A_value_of_another_type_is_refused_before_anything_is_written()
    {
        using var connection = Open();
        using var insert = new PositionalStatement(connection, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)");

        Assert.Throws<ArgumentException>(() => insert.Execute(["x", 1.5d, null]));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t"));
    }

    [Theory]
    [InlineData("25")]
    [InlineData("25.50")]
    [InlineData("-3")]
    [InlineData("0.1234567890123456789")]
    [InlineData("100000000000000000000")]
    public void A_decimal_is_stored_as_Microsoft_Data_Sqlite_stores_it(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            // One column without affinity, one NUMERIC as the ERP's amounts: both keep what was bound as it was bound.
            create.CommandText = "CREATE TABLE d (way TEXT, x, n NUMERIC)";
            create.ExecuteNonQuery();
        }
        using (var insert = new PositionalStatement(connection, "INSERT INTO d VALUES ('positional', ?1, ?1)"))
            insert.Execute([value]);
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO d VALUES ('named', $v, $v)";
            insert.Parameters.AddWithValue("$v", value);
            insert.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(DISTINCT typeof(x) || ':' || x || '|' || typeof(n) || ':' || n) FROM d";
        Assert.Equal(1L, read.ExecuteScalar());
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (a TEXT NOT NULL PRIMARY KEY, b INTEGER, c TEXT)";
        create.ExecuteNonQuery();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static IEnumerable<string> Rows(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a, b, c FROM t ORDER BY a";
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return $"{reader.GetString(0)}|{reader.GetInt64(1)}|{(reader.IsDBNull(2) ? "null" : reader.GetString(2))}";
    }
}
