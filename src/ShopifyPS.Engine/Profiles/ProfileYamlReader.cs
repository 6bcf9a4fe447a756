using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ShopifyPS.Profiles;

/// <summary>
/// Binds a profile's YAML onto <see cref="ShopProfile"/> key by key, so every problem can name the exact
/// line, column and key (a deserializer would stop at the first one and lose the position).
/// Keys are the camelCase names of the model's properties; nothing else is accepted.
/// </summary>
internal sealed class ProfileYamlReader
{
    private readonly string _file;
    private readonly List<ProfileProblem> _problems = new();
    private readonly Dictionary<string, Mark> _positions = new(StringComparer.Ordinal);

    private ProfileYamlReader(string file) => _file = file;

    /// <summary>Where each key path was found, for problems the validator finds later.</summary>
    public IReadOnlyDictionary<string, Mark> Positions => _positions;

    public static (ShopProfile? Profile, List<ProfileProblem> Problems, IReadOnlyDictionary<string, Mark> Positions) Read(string file, string text)
    {
        var reader = new ProfileYamlReader(file);
        var profile = reader.Bind(text);
        return (profile, reader._problems, reader._positions);
    }

    /// <summary>Far above any real profile (a few kilobytes); bounds the work a damaged or hostile file can cause.</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>
    /// Reads as much of a damaged profile as can be read, so Set-ShopifyShop can repair it: a line the parser cannot
    /// get past is left out (with the lines indented under it) and reported, then the rest is read again. Values that
    /// are read but not allowed stay at their defaults and are reported too. Null when even that does not help.
    /// </summary>
    public static (ShopProfile? Profile, List<ProfileProblem> Problems, IReadOnlyDictionary<string, Mark> Positions) ReadLenient(string file, string text)
    {
        var leftOut = new List<ProfileProblem>();
        var lines = text.Split('\n').ToList();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (profile, problems, positions) = Read(file, string.Join('\n', lines));
            var syntax = problems.FirstOrDefault(p => p.Error == ErrorCatalog.ProfileSyntaxError);
            if (profile is not null || syntax is null || syntax.Line < 1 || syntax.Line > lines.Count || lines[syntax.Line - 1].Trim().Length == 0)
                return (profile, [.. leftOut, .. problems], positions);
            var first = syntax.Line - 1;
            var indent = IndentOf(lines[first]);
            var count = 1 + lines.Skip(first + 1).TakeWhile(l => l.Trim().Length == 0 || IndentOf(l) > indent).Count();
            leftOut.Add(syntax with
            {
                Key = KeyOn(lines[first]) ?? syntax.Key,
                Message = $"{syntax.Message} Left out: {string.Join(" / ", lines.GetRange(first, count).Select(l => l.Trim()))}",
            });
            // Blank lines keep the line numbers of what follows.
            for (var i = first; i < first + count; i++) lines[i] = "";
        }
        return (null, leftOut, new Dictionary<string, Mark>());
    }

    private static int IndentOf(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The key a <c>key: value</c> line sets (after a list's "- "), or null.</summary>
    private static string? KeyOn(string line)
    {
        var text = line.Trim().TrimStart('-', ' ');
        var colon = text.IndexOf(':');
        return colon > 0 ? text[..colon].Trim() : null;
    }

    private ShopProfile? Bind(string text)
    {
        if (text.Length > MaxLength)
        {
            Add(ErrorCatalog.ProfileSyntaxError, Mark.Empty, "(file)", $"The file holds {text.Length:N0} characters; a profile is a few kilobytes (at most {MaxLength:N0}).");
            return null;
        }
        if (IndentingTab(text) is { } tab)
        {
            Add(ErrorCatalog.ProfileSyntaxError, tab, "(file)", "Not valid YAML: a tab indents this line; YAML indents with spaces only.");
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(text))));
        }
        catch (YamlException ex)
        {
            Add(ErrorCatalog.ProfileSyntaxError, ex.Start, "(file)", $"Not valid YAML: {InnermostMessage(ex)}");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            Add(ErrorCatalog.ProfileSyntaxError, stream.Documents[1].RootNode.Start, "(file)",
                "A profile is one YAML document; this second one (after '---') would be ignored. Move its keys into the first, or delete it.");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Add(ErrorCatalog.ProfileSyntaxError, stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start,
                "(file)", "A profile must be a YAML mapping of keys such as 'name:', 'domain:' and 'auth:'.");
            return null;
        }
        var profile = new ShopProfile();
        BindObject(root, profile, "");
        return profile;
    }

    private void BindObject(YamlMappingNode node, object target, string path)
    {
        var properties = PropertiesOf(target.GetType());
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            _positions[keyPath] = valueNode.Start;
            if (!properties.TryGetValue(key, out var property))
            {
                var suggestion = Closest.Match(key, properties.Keys);
                Add(ErrorCatalog.ProfileUnknownKey, keyNode.Start, keyPath,
                    $"Unknown key '{key}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
                    $" Allowed here: {string.Join(", ", properties.Keys)}.");
                continue;
            }
            if (TryConvert(valueNode, property.PropertyType, keyPath, out var value))
                property.SetValue(target, value);
        }
    }

    private bool TryConvert(YamlNode node, Type type, string keyPath, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying.IsEnum)
        {
            if (node is not YamlScalarNode scalar)
                return WrongType(node, keyPath, $"a single value ({Describe(underlying)})");
            return TryConvertScalar(scalar, underlying, keyPath, out value);
        }
        // A section written as a bare key ("items:" with nothing under it) keeps its defaults, as a bare null does for a value.
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" }) return false;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is not YamlSequenceNode sequence)
                return WrongType(node, keyPath, "a list (lines starting with '- ')");
            var itemType = underlying.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(underlying)!;
            var index = 0;
            foreach (var child in sequence.Children)
            {
                if (TryConvert(child, itemType, $"{keyPath}[{index}]", out var item)) list.Add(item);
                index++;
            }
            value = list;
            return true;
        }
        if (node is not YamlMappingNode mapping)
            return WrongType(node, keyPath, "a mapping of keys (indented 'key: value' lines)");
        value = Activator.CreateInstance(underlying)!;
        BindObject(mapping, value, keyPath);
        return true;
    }

    private bool TryConvertScalar(YamlScalarNode scalar, Type type, string keyPath, out object? value)
    {
        var text = scalar.Value ?? "";
        var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (text is "" or "~" or "null");
        value = null;
        if (type == typeof(string))
        {
            // A bare null leaves the setting at its default rather than blanking it.
            value = text;
            return !isNull;
        }
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var flag)) { value = flag; return true; }
            return WrongType(scalar, keyPath, "true or false");
        }
        if (type == typeof(int))
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) { value = number; return true; }
            return WrongType(scalar, keyPath, "a whole number");
        }
        var names = Enum.GetNames(type);
        if (isNull || text.Length == 0) { value = Enum.ToObject(type, 0); return true; }
        var match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null) { value = Enum.Parse(type, match); return true; }
        var suggestion = Closest.Match(text, names);
        Add(ErrorCatalog.ProfileInvalidValue, scalar.Start, keyPath,
            $"'{text}' is not allowed." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
            $" Allowed values: {string.Join(", ", names)}.");
        return false;
    }

    private bool WrongType(YamlNode node, string keyPath, string expected)
    {
        var found = node switch
        {
            YamlScalarNode s => $"'{s.Value}'",
            YamlSequenceNode => "a list",
            _ => "a mapping",
        };
        Add(ErrorCatalog.ProfileWrongType, node.Start, keyPath, $"Expected {expected}, found {found}.");
        return false;
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) ? "a whole number"
        : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type))
        : "text";

    /// <summary>Where a tab is part of a line's indentation (YamlDotNet reports those at 1:1).</summary>
    private static Mark? IndentingTab(string text)
    {
        var line = 1;
        foreach (var content in text.Split('\n'))
        {
            var indent = content.Length - content.TrimStart(' ', '\t').Length;
            // Blank and comment lines indent nothing.
            if (indent == content.TrimEnd('\r').Length || content[indent] == '#')
            {
                line++;
                continue;
            }
            var tab = content.IndexOf('\t', 0, indent);
            if (tab >= 0) return new Mark(0, line, tab + 1);
            line++;
        }
        return null;
    }

    private void Add(ErrorId errorId, Mark mark, string key, string message) =>
        _problems.Add(new ProfileProblem(errorId, _file, (int)mark.Line, (int)mark.Column, key, message));

    private static string InnermostMessage(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex.Message;
    }

    private static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> PropertyCache = new();

    private static Dictionary<string, PropertyInfo> PropertiesOf(Type type)
    {
        lock (PropertyCache)
        {
            if (!PropertyCache.TryGetValue(type, out var map))
            {
                map = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite)
                    .ToDictionary(p => YamlKey(p.Name), StringComparer.Ordinal);
                PropertyCache[type] = map;
            }
            return map;
        }
    }

    public static string YamlKey(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
