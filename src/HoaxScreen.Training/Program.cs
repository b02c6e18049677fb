using HoaxScreen.Training;

return CliApp.Run(args, Console.Out, Console.Error);
