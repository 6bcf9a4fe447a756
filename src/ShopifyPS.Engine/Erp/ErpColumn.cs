using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace ShopifyPS.Erp;

/// <summary>The kinds of value a CSV column of the ERP data set holds, with how each is written in the file.</summary>
public enum ErpValueKind { Text, Decimal, Integer, Boolean, Date, Enum }

/// <summary>
/// One column of an ERP table: a property of the model class, named as in the CSV file and the database. It
/// parses the file's text, converts to and from the database's representation, and reads/writes the model.
/// </summary>
public sealed class ErpColumn
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;
    private readonly bool _nullable;

    internal ErpColumn(PropertyInfo property, bool isKey, bool isRequired)
    {
        Name = property.Name;
        IsKey = isKey;
        var type = Nullable.GetUnderlyingType(property.PropertyType);
        _nullable = type is not null;
        ValueType = type ?? property.PropertyType;
        Kind = KindOf(ValueType, property);
        // A non-nullable date has no blank value, so the file must give one.
        IsRequired = isRequired || Kind == ErpValueKind.Date && !_nullable;
        (_get, _set) = Accessors(property);
    }

    public string Name { get; }
    public Type ValueType { get; }
    public ErpValueKind Kind { get; }
    /// <summary>Part of the natural key that an import upserts by.</summary>
    public bool IsKey { get; }
    /// <summary>Must be in the file's header and must not be blank.</summary>
    public bool IsRequired { get; }

    public object? GetValue(object row) => _get(row);

    /// <summary>Sets the property; null on a non-nullable property (a blank field) keeps the model's default.</summary>
    public void SetValue(object row, object? value)
    {
        if (value is not null || _nullable) _set(row, value);
    }

    /// <summary>What the column expects, for error messages.</summary>
    public string Expected => Kind switch
    {
        ErpValueKind.Decimal => "a number with . as the decimal point (for example 1234.50)",
        ErpValueKind.Integer => "a whole number",
        ErpValueKind.Boolean => "true or false",
        ErpValueKind.Date => "a date written yyyy-MM-dd (for example 2025-01-31)",
        ErpValueKind.Enum => "one of " + string.Join(", ", Enum.GetNames(ValueType)),
        _ => "text",
    };

    /// <summary>Parses a CSV field. Blank means the model's default (a date: none). Returns false for text
    /// that is not a value of this column's kind.</summary>
    public bool TryParse(string text, out object? value)
    {
        value = null;
        if (text.Length == 0 && Kind != ErpValueKind.Text) return Kind != ErpValueKind.Date || _nullable;
        switch (Kind)
        {
            case ErpValueKind.Text:
                value = text;
                return true;
            case ErpValueKind.Decimal when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case ErpValueKind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                value = whole;
                return true;
            case ErpValueKind.Boolean:
                return TryParseBoolean(text, out value);
            case ErpValueKind.Date when DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                value = date;
                return true;
            case ErpValueKind.Enum:
                // Names only: a number would silently mean whatever member has that value.
                var name = Enum.GetNames(ValueType).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
                value = name is null ? null : Enum.Parse(ValueType, name);
                return name is not null;
            default:
                return false;
        }
    }

    /// <summary>Converts a value from a script (a typed value, or text as in the CSV file) to this column's type.</summary>
    public bool TryConvert(object? value, out object? result)
    {
        result = null;
        switch (value)
        {
            case null:
                return Kind != ErpValueKind.Text && (Kind != ErpValueKind.Date || _nullable);
            case string text:
                return TryParse(text, out result);
            case DateTime dateTime when Kind == ErpValueKind.Date:
                result = DateOnly.FromDateTime(dateTime);
                return true;
            case Enum when Kind == ErpValueKind.Enum:
                return TryParse(value.ToString()!, out result);
            case IConvertible when Kind is ErpValueKind.Decimal or ErpValueKind.Integer or ErpValueKind.Boolean && value is not DateTime:
                try
                {
                    result = Convert.ChangeType(value, ValueType, CultureInfo.InvariantCulture);
                    return true;
                }
                catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
                {
                    return false;
                }
            default:
                if (!ValueType.IsInstanceOfType(value)) return false;
                result = value;
                return true;
        }
    }

    /// <summary>true/false, 1/0 and yes/no, in any case.</summary>
    public static bool TryParseBoolean(string text, out object? value)
    {
        value = text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>The value as a CSV field: what <see cref="TryParse"/> reads back.</summary>
    public string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The database representation: text, numbers, 0/1, ISO dates ('' for none, so that blank
    /// dates can be part of a key), enum names.</summary>
    internal object ToDatabase(object? value) => value switch
    {
        null => Kind == ErpValueKind.Date ? "" : DBNull.Value,
        bool b => b ? 1L : 0L,
        int i => (long)i,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };

    internal object? FromDatabase(object value) => Kind switch
    {
        ErpValueKind.Text => (string)value,
        ErpValueKind.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        ErpValueKind.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        ErpValueKind.Boolean => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        ErpValueKind.Date => value is string { Length: 0 } ? null : DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Enum.Parse(ValueType, (string)value),
    };

    private static ErpValueKind KindOf(Type type, PropertyInfo property) =>
        type == typeof(string) ? ErpValueKind.Text
        : type == typeof(decimal) ? ErpValueKind.Decimal
        : type == typeof(int) ? ErpValueKind.Integer
        : type == typeof(bool) ? ErpValueKind.Boolean
        : type == typeof(DateOnly) ? ErpValueKind.Date
        : type.IsEnum ? ErpValueKind.Enum
        : throw new NotSupportedException($"{property.DeclaringType!.Name}.{property.Name} has type {type.Name}, which the ERP data set does not use.");

    // Compiled once per column: an import reads and writes millions of values.
    private static (Func<object, object?>, Action<object, object?>) Accessors(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Convert(row, property.DeclaringType!);
        var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(typed, property), typeof(object)), row).Compile();
        var set = Expression.Lambda<Action<object, object?>>(
            Expression.Assign(Expression.Property(typed, property), Expression.Convert(value, property.PropertyType)), row, value).Compile();
        return (get, set);
    }
}
