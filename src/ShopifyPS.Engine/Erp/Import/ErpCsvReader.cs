using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ShopifyPS.Erp.Import;

/// <summary>One parsed row: the model object, or the first problem found in it.</summary>
internal readonly record struct CsvRow(int Line, object? Row, RowProblem? Problem);

/// <summary>
/// Streams one CSV file of the ERP data set into model objects of its <see cref="ErpTable"/>. The header names
/// the columns (any order, any case); a column the table does not have is reported once and ignored, a file
/// without a required column cannot be loaded. Columns the file leaves out keep their stored values on update.
/// A quote that is opened and never closed would swallow every line up to the next quote as one field: such a record
/// is reported at the line where the quote opened, and the lines it swallowed are read again one by one, so each is
/// loaded or reported on its own.
/// </summary>
internal sealed class ErpCsvReader : IDisposable
{
    private readonly ErpTable _table;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly ErpColumn?[] _fields;
    private string? _badData;

    public ErpCsvReader(string path, ErpTable table, Encoding encoding)
    {
        _table = table;
        _text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        _parser = NewParser(_text);
        _fields = _parser.Read() ? ReadHeader() : [];
    }

    private CsvParser NewParser(TextReader text) => new(text, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        BadDataFound = args => _badData ??= args.Field,
        TrimOptions = TrimOptions.None,
        IgnoreBlankLines = true,
    });

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

    public IEnumerable<CsvRow> Rows() => Records(_parser, 0);

    /// <summary>The records of <paramref name="parser"/>, whose first line is line <paramref name="lineOffset"/> + 1
    /// of the file.</summary>
    private IEnumerable<CsvRow> Records(CsvParser parser, int lineOffset)
    {
        while (parser.Read())
        {
            var record = parser.Record!;
            var line = lineOffset + StartLine(parser, record);
            var badData = _badData is not null;
            _badData = null;
            if (!badData && record.Length == _fields.Length)
            {
                yield return Parse(line, record);
                continue;
            }
            var lines = parser.RawRecord.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            if (UnclosedQuote(lines[0]) is { } opened)
            {
                var swallowed = lines.Count - 1;
                yield return new CsvRow(line, null, new RowProblem(ColumnAt(opened.Field),
                    $"has a quote at character {opened.Character} that is never closed" +
                    (swallowed == 0 ? "" : $", so the next {swallowed} line(s) were read as part of it") +
                    "; close the quote (inside a quoted field, double a quote: \"\"). This row was skipped" +
                    (swallowed == 0 ? "." : " and the lines after it were read on their own.")));
                if (swallowed == 0) continue;
                using var rest = NewParser(new StringReader(string.Join('\n', lines.Skip(1))));
                foreach (var row in Records(rest, line)) yield return row;
                continue;
            }
            yield return new CsvRow(line, null, badData
                ? new RowProblem("", "has a quote inside a field that is not quoted; quote the field and double the quotes in it (\"\").")
                : new RowProblem("", $"has {record.Length} fields but the header has {_fields.Length}."));
        }
    }

    /// <summary>Where a quote opens on this line without closing on it: the 1-based character and the 0-based field.</summary>
    private static (int Character, int Field)? UnclosedQuote(string line)
    {
        var quoted = false;
        var field = 0;
        (int Character, int Field) opening = default;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
                if (quoted) opening = (i + 1, field);
            }
            else if (line[i] == ',' && !quoted) field++;
        }
        return quoted ? opening : null;
    }

    private string ColumnAt(int field) => field < _fields.Length ? _fields[field]?.Name ?? "" : "";

    private CsvRow Parse(int line, string[] record)
    {
        var row = _table.NewRow();
        for (var i = 0; i < _fields.Length; i++)
        {
            var column = _fields[i];
            if (column is null) continue;
            var text = record[i];
            if (ControlCharacter(text) is { } position)
                return new CsvRow(line, null, new RowProblem(column.Name,
                    $"holds the control character U+{(int)text[position]:X4} at character {position + 1}; remove it (a file damaged in transfer or a binary file saved as CSV)."));
            if (column.IsRequired && string.IsNullOrWhiteSpace(text))
                return new CsvRow(line, null, new RowProblem(column.Name, "is blank; it is required."));
            if (!column.TryParse(text, out var value))
                return new CsvRow(line, null, new RowProblem(column.Name, $"'{text}' is not {column.Expected}."));
            column.SetValue(row, value);
        }
        var problem = _table.Check(row);
        return problem is null ? new CsvRow(line, row, null) : new CsvRow(line, null, problem);
    }

    // NUL and the other control characters have no place in ERP data; a NUL in a path would stop the picture sync.
    private static int? ControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsControl(text[i]) && text[i] is not '\t' and not '\r' and not '\n') return i;
        return null;
    }

    // RawRow is the line the record ends on; a quoted field may span lines.
    private static int StartLine(CsvParser parser, string[] record)
    {
        var inside = 0;
        foreach (var field in record) inside += field.AsSpan().Count('\n');
        return parser.RawRow - inside;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }
}
