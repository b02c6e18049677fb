using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench.Adapt;

/// <summary>
/// One community the base never sees: a recipe source of ../shared/data or the team corpus, or one Netifier platform
/// (its <c>source</c> column). <see cref="BaseRecipe"/> is the recipe without it; <see cref="HeldOut"/> reads only it.
/// </summary>
public sealed record HeldOutSource(string Name, TrainingRecipe BaseRecipe, TrainingRecipe HeldOut)
{
    private const string PlatformColumn = "source";

    /// <summary>Every held-out community of <paramref name="recipe"/>; filtered Netifier copies are written under <paramref name="work"/>.</summary>
    public static List<HeldOutSource> All(TrainingRecipe recipe, string sharedData, string work)
    {
        var units = new List<HeldOutSource>();
        for (var s = 0; s < recipe.Sources.Count; s++)
        {
            var source = recipe.Sources[s];
            var path = recipe.Resolve(source);
            var shared = path.StartsWith(sharedData + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            var team = Path.GetFileName(path) == "posts.csv" && !shared;
            if (!shared && !team)
            {
                continue;
            }

            var others = recipe.Sources.Where((_, i) => i != s).Select(o => o with { Path = recipe.Resolve(o) }).ToList();
            var dataset = Path.GetFileName(Path.GetDirectoryName(path)!);
            if (shared && HasPlatforms(path))
            {
                foreach (var platform in Platforms(path))
                {
                    var without = Path.Combine(work, $"{dataset}-without-{platform}.csv");
                    var only = Path.Combine(work, $"{dataset}-{platform}.csv");
                    Filter(path, without, keep: p => !string.Equals(p, platform, StringComparison.OrdinalIgnoreCase));
                    Filter(path, only, keep: p => string.Equals(p, platform, StringComparison.OrdinalIgnoreCase));
                    var rest = recipe.Sources.Select((o, i) => i == s ? o with { Path = without } : o with { Path = recipe.Resolve(o) }).ToList();
                    units.Add(new HeldOutSource($"{dataset} {platform}", Rebase(recipe, rest), Rebase(recipe, [source with { Path = only }]) with { Labels = null }));
                }

                continue;
            }

            units.Add(new HeldOutSource(shared ? dataset : "team posts.csv", Rebase(recipe, others), Rebase(recipe, [source with { Path = path }]) with { Labels = null }));
        }

        return units;
    }

    // Paths are absolute, and the recipe file stays the same, so its lexicons and licence resolve as before.
    private static TrainingRecipe Rebase(TrainingRecipe recipe, List<SourceMapping> sources) => recipe with { Sources = sources };

    private static bool HasPlatforms(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        return reader.ReadRecord()?.Any(h => string.Equals(h.Trim(), PlatformColumn, StringComparison.OrdinalIgnoreCase)) ?? false;
    }

    private static List<string> Platforms(string path)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), PlatformColumn, StringComparison.OrdinalIgnoreCase));
        while (reader.ReadRecord() is { } record)
        {
            if (record[column].Trim() is { Length: > 0 } platform)
            {
                found.Add(platform.ToLowerInvariant());
            }
        }

        return [.. found];
    }

    private static void Filter(string path, string target, Func<string, bool> keep)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), PlatformColumn, StringComparison.OrdinalIgnoreCase));
        using var writer = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', header.Select(CsvText.Escape)));
        while (reader.ReadRecord() is { } record)
        {
            if (keep(record[column].Trim()))
            {
                writer.WriteLine(string.Join(',', record.Select(CsvText.Escape)));
            }
        }
    }
}
