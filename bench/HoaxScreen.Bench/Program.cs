using HoaxScreen.Bench;

return BenchApp.Run(args, Console.Out, Console.Error);
