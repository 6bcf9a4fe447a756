using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph.Mutations;

public static class MediaMutations
{
    public static List<UserError> ValidateMediaInputs(IReadOnlyList<object?> media, ShopStore store) => new();
    public static void AttachMedia(EmulatorRuntime rt, ExecContext ctx, Product product, IReadOnlyList<object?> media) { }
    public static object ProductCreateMedia(Args args, ExecContext ctx, EmulatorRuntime rt) => throw new NotImplementedException();
    public static object ProductDeleteMedia(Args args, ExecContext ctx) => throw new NotImplementedException();
    public static object FileCreate(Args args, ExecContext ctx, EmulatorRuntime rt) => throw new NotImplementedException();
    public static object FileDelete(Args args, ExecContext ctx) => throw new NotImplementedException();
}
