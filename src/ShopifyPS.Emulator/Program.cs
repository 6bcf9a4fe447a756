using ShopifyPS.Emulator;

return await EmulatorCli.RunAsync(args).ConfigureAwait(false);
