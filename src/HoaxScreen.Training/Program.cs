using HoaxScreen.Training;
using HoaxScreen.Training.Cli;

return CliApp.Run(args, Console.Out, Console.Error, CliHost.Console);
