namespace ShopifyPS.Emulator.Runtime;

public sealed class BulkRunner(EmulatorRuntime rt)
{
}
