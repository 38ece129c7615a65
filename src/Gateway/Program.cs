using PilotStatus.Gateway.Cli;

return await GatewayCli.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);
