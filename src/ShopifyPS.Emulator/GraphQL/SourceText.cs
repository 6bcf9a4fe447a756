using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Turns parser offsets into the 1-based line/column pairs GraphQL errors carry.</summary>
internal static class SourceText
{
    public static (int Line, int Column) LineColumn(string source, GraphQLLocation location) => LineColumn(source, location.Start);

    public static (int Line, int Column) LineColumn(string source, int offset)
    {
        int line = 1, col = 1;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return (line, col);
    }
}
