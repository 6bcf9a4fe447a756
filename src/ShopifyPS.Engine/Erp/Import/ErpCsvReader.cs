using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ShopifyPS.Erp.Import;

/// <summary>One parsed row: the model object, or the first problem found in it.</summary>
internal readonly record struct CsvRow(int Line, object? Row, RowProblem? Problem);

/// <summary>
/// Streams one CSV file of the ERP data set into model objects of its <see cref="ErpTable"/>. The header names
/// the columns (any order, any case); a column the table does not have is reported once and ignored, a file
/// without a required column cannot be loaded. Columns the file leaves out keep their stored values on update.
/// </summary>
internal sealed class ErpCsvReader : IDisposable
{
    private readonly ErpTable _table;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly ErpColumn?[] _fields;
    private string? _badData;

    public ErpCsvReader(string path, ErpTable table)
    {
        _table = table;
        _text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => _badData ??= args.Field,
            TrimOptions = TrimOptions.None,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(_text, config);
        _fields = _parser.Read() ? ReadHeader() : [];
    }

    /// <summary>The table's columns the file has, in the file's order.</summary>
    public IReadOnlyList<ErpColumn> Columns { get; private set; } = [];

    /// <summary>Problems with the header (line 1): unknown, repeated or missing columns.</summary>
    public List<RowProblem> HeaderProblems { get; } = [];

    /// <summary>False when a required column is missing: no row of the file can be loaded.</summary>
    public bool CanLoad { get; private set; }

    public long Position => _text.BaseStream.Position;

    public long Length => _text.BaseStream.Length;

    private ErpColumn?[] ReadHeader()
    {
        var fields = new ErpColumn?[_parser.Count];
        var seen = new HashSet<ErpColumn>();
        for (var i = 0; i < fields.Length; i++)
        {
            var name = _parser[i].Trim();
            var column = _table.Column(name);
            if (column is null)
            {
                var suggestion = Closest.Match(name, _table.Columns.Select(c => c.Name));
                HeaderProblems.Add(new RowProblem(name, $"is not a column of {_table.FileName}; its values are ignored. " +
                    (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + $"The columns are: {string.Join(", ", _table.Columns.Select(c => c.Name))}."));
            }
            else if (!seen.Add(column))
                HeaderProblems.Add(new RowProblem(name, "appears twice in the header; the second one is ignored."));
            else
                fields[i] = column;
        }
        Columns = fields.OfType<ErpColumn>().ToList();
        var missing = _table.Columns.Where(c => c.IsRequired && !seen.Contains(c)).Select(c => c.Name).ToList();
        foreach (var name in missing)
            HeaderProblems.Add(new RowProblem(name, $"is missing from the header; {_table.FileName} needs the columns {string.Join(", ", _table.Columns.Where(c => c.IsRequired).Select(c => c.Name))}, so none of its rows was loaded."));
        CanLoad = missing.Count == 0;
        return fields;
    }

    public IEnumerable<CsvRow> Rows()
    {
        while (_parser.Read())
        {
            var record = _parser.Record!;
            var line = StartLine(record);
            if (_badData is not null)
            {
                _badData = null;
                yield return new CsvRow(line, null, new RowProblem("", "has a quote inside a field that is not quoted; quote the field and double the quotes in it (\"\")."));
                continue;
            }
            if (record.Length != _fields.Length)
            {
                yield return new CsvRow(line, null, new RowProblem("", $"has {record.Length} fields but the header has {_fields.Length}."));
                continue;
            }
            yield return Parse(line, record);
        }
    }

    private CsvRow Parse(int line, string[] record)
    {
        var row = _table.NewRow();
        for (var i = 0; i < _fields.Length; i++)
        {
            var column = _fields[i];
            if (column is null) continue;
            var text = record[i];
            if (column.IsRequired && string.IsNullOrWhiteSpace(text))
                return new CsvRow(line, null, new RowProblem(column.Name, "is blank; it is required."));
            if (!column.TryParse(text, out var value))
                return new CsvRow(line, null, new RowProblem(column.Name, $"'{text}' is not {column.Expected}."));
            column.SetValue(row, value);
        }
        var problem = _table.Check(row);
        return problem is null ? new CsvRow(line, row, null) : new CsvRow(line, null, problem);
    }

    // RawRow is the line the record ends on; a quoted field may span lines.
    private int StartLine(string[] record)
    {
        var inside = 0;
        foreach (var field in record) inside += field.AsSpan().Count('\n');
        return _parser.RawRow - inside;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }
}
