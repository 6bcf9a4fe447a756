using Microsoft.Data.Sqlite;

namespace ShopifyPS.Storage;

/// <summary>
/// A temporary SQLite file for what one run reads and cannot keep in memory (a bulk export's open parents, a whole
/// shop's stock): deleted on dispose, kept apart from the store so -WhatIf leaves the store untouched, and run without
/// journal or sync in one transaction, because nothing in it has to survive the run.
/// </summary>
internal sealed class ScratchDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shopifyps-scratch-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly List<SqliteCommand> _commands = new();
    private readonly List<PositionalStatement> _statements = new();

    public ScratchDatabase(string schema)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        using (var setup = new SqliteCommand("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; " + schema, _connection))
            setup.ExecuteNonQuery();
        _transaction = _connection.BeginTransaction();
    }

    /// <summary>A prepared command with the named parameters (disposed with the database).</summary>
    public SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, _connection, _transaction);
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        _commands.Add(command);
        return command;
    }

    /// <summary>A write bound by position, for a row written per line of a large bulk result (disposed with the database).</summary>
    public PositionalStatement Statement(string sql)
    {
        var statement = new PositionalStatement(_connection, sql);
        _statements.Add(statement);
        return statement;
    }

    /// <summary>The rows of a query, read as they are enumerated.</summary>
    public IEnumerable<T> Rows<T>(string sql, Func<SqliteDataReader, T> row)
    {
        using var reader = Command(sql).ExecuteReader();
        while (reader.Read()) yield return row(reader);
    }

    public void Dispose()
    {
        foreach (var command in _commands) command.Dispose();
        foreach (var statement in _statements) statement.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        File.Delete(_path);
    }
}
