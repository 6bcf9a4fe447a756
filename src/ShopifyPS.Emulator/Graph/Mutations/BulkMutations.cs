using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Graph.Mutations;

public static class BulkMutations
{
    public static object RunQuery(Args args, ExecContext ctx, EmulatorRuntime rt) => throw new NotImplementedException();
    public static object RunMutation(Args args, ExecContext ctx, EmulatorRuntime rt) => throw new NotImplementedException();
    public static object Cancel(Args args, ExecContext ctx) => throw new NotImplementedException();
}
