using System.Globalization;
using System.Runtime.InteropServices;

namespace ShopifyPS.Emulator;

/// <summary>
/// Command line: --urls URL [--token T] [--bucket N] [--restore-rate N] [--seed path.json]
/// [--currency CODE] [--clock-speed F] [--files DIR]. The first stdout line is "Listening on URL".
/// </summary>
internal static class EmulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = Parse(args);
            LoopbackUrl.Parse(options.Url);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        await using var emulator = await EmulatorHost.StartAsync(options).ConfigureAwait(false);
        var stop = new TaskCompletionSource();
        // The web host's console lifetime cancels SIGTERM and SIGINT for itself (so ProcessExit never comes); these
        // registrations end the program as the README says: stop serving, exit 0. They are made before the "Listening
        // on" line, so a signal sent as soon as that line is read (a loaded machine, a quick test) is never missed.
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.TrySetResult();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        Console.Out.WriteLine($"Listening on {emulator.BaseUri.ToString().TrimEnd('/')}");
        Console.Out.Flush();
        await stop.Task.ConfigureAwait(false);
        return 0;
    }

    public static EmulatorOptions Parse(string[] args)
    {
        var o = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--urls": o.Url = Value(); break;
                case "--token": o.Token = Value(); break;
                case "--bucket": o.BucketSize = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--restore-rate": o.RestoreRate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": o.SeedPath = Value(); break;
                case "--currency": o.Currency = Value(); break;
                case "--clock-speed": o.ClockSpeed = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--files": o.FilesPath = Value(); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        return o;
    }
}
