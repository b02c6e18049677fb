using System.Text.Json;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.Data;

/// <summary>A training recipe: one or more sources and optional trainer settings. Paths are relative to the recipe file.</summary>
public sealed record TrainingRecipe
{
    public required IReadOnlyList<SourceMapping> Sources { get; init; }

    public TrainerSettings Trainer { get; init; } = TrainerSettings.Default;

    public NormalizerRecipe Normalizer { get; init; } = NormalizerRecipe.Default;

    /// <summary>
    /// The labels the model carries; null = every label its sources map. A source may map more (e.g. a dataset's
    /// pornography column): those are read only so that reports do not count their positive posts as clean.
    /// </summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>SPDX id of the licence a bundle trained from this recipe carries (the most restrictive of its sources).</summary>
    public string? License { get; init; }

    /// <summary>A licence and attribution file (relative to the recipe) copied into the bundle as LICENSE.md.</summary>
    public string? LicenseFile { get; init; }

    /// <summary>The model card a bundle trained from this recipe carries; null for none.</summary>
    public HoaxScreen.Core.Modeling.ModelCard? Card { get; init; }

    /// <summary>Where the recipe came from (null for an ad-hoc --data recipe); paths resolve against its folder.</summary>
    public string? RecipePath { get; init; }

    public string BaseDirectory => RecipePath is null ? Directory.GetCurrentDirectory() : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(RecipePath))!;

    public string Resolve(SourceMapping source) => Resolve(source.Path);

    /// <summary>Whether the model trained from this recipe carries <paramref name="label"/>.</summary>
    public bool Carries(string label) => Labels is null || Labels.Contains(label, StringComparer.Ordinal);

    public string Resolve(string path) => System.IO.Path.GetFullPath(path, BaseDirectory);

    /// <param name="csvPath">A canonical CSV file.</param>
    /// <param name="delimiter">Its field separator, or null to detect it from the header line.</param>
    public static TrainingRecipe ForCanonicalFile(string csvPath, char? delimiter = null) =>
        new() { Sources = [new SourceMapping { Path = System.IO.Path.GetFullPath(csvPath), Delimiter = delimiter }] };

    public static TrainingRecipe Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: recipe file not found");
        }

        TrainingRecipe? recipe;
        try
        {
            recipe = JsonSerializer.Deserialize<TrainingRecipe>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path}: not a valid recipe ({FirstLine(ex.Message)})", ex);
        }

        if (recipe is null || recipe.Sources is null || recipe.Sources.Count == 0)
        {
            throw new DataFormatException($"{path}: recipe lists no sources");
        }

        foreach (var source in recipe.Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Path))
            {
                throw new DataFormatException($"{path}: every source needs a \"path\"");
            }
        }

        if (recipe.LicenseFile is { } licenseFile && !File.Exists(System.IO.Path.GetFullPath(licenseFile, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!)))
        {
            throw new DataFormatException($"{path}: licence file '{licenseFile}' not found");
        }

        if (recipe.Labels is { Count: 0 })
        {
            throw new DataFormatException($"{path}: \"labels\" lists no label (leave it out to carry every mapped label)");
        }

        var problem = (recipe.Trainer ?? TrainerSettings.Default).Problems().FirstOrDefault();
        if (problem is not null)
        {
            throw new DataFormatException($"{path}: {problem}");
        }

        return recipe with
        {
            RecipePath = System.IO.Path.GetFullPath(path),
            Trainer = recipe.Trainer ?? TrainerSettings.Default,
            Normalizer = recipe.Normalizer ?? NormalizerRecipe.Default,
        };
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
