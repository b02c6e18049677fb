using System.CommandLine;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Cli;

/// <summary>Where labelled posts come from: exactly one of --recipe or --data (with --data, an optional --delimiter).</summary>
public sealed class RecipeOptions
{
    public Option<string> Recipe { get; } = CliOptions.Text("--recipe", "R.json", "a training recipe: JSON listing the data sources (give this or --data)");

    public Option<string> Data { get; } = CliOptions.Text("--data", "D.csv", "one CSV in the canonical format: text plus a 1/0/empty column per label (give this or --recipe)");

    public Option<char?> Delimiter { get; } = CliOptions.Delimiter();

    public void AddTo(Command command)
    {
        command.Add(Recipe);
        command.Add(Data);
        command.Add(Delimiter);
    }

    public TrainingRecipe Read(ParseResult args)
    {
        var recipe = args.GetValue(Recipe);
        var data = args.GetValue(Data);
        var delimiter = args.GetValue(Delimiter);
        if (recipe is not null && data is null && delimiter is not null)
        {
            throw new CliException("--delimiter goes with --data; a recipe's sources are read with the separator their header line uses");
        }

        return (recipe, data) switch
        {
            ({ } r, null) => TrainingRecipe.Load(r),
            (null, { } d) => TrainingRecipe.ForCanonicalFile(d, delimiter),
            (null, null) => throw new CliException("give --recipe R.json or --data D.csv"),
            _ => throw new CliException("give either --recipe or --data, not both"),
        };
    }
}
