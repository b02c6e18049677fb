using HoaxScreen.Speed;

return SpeedApp.Run(args, Console.Out, Console.Error);
