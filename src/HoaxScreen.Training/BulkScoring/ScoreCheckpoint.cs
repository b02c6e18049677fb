using System.Security.Cryptography;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// How far an unfinished <c>score</c> run got, saved beside its partial output as OUT.partial.json: the rows written
/// and the output's length after them (flushed to disk before the checkpoint is saved), and what the run was started
/// with, so <c>--resume</c> continues only the same input, model and options.
/// </summary>
public sealed record ScoreCheckpoint(
    int Format,
    long Rows,
    long OutputBytes,
    long Flagged,
    InputFingerprint Input,
    ModelFingerprint Model,
    ScoreSettings Settings)
{
    /// <summary>2: CSV output starts with the input's id column (format 1 runs wrote none, so they cannot be continued).</summary>
    public const int CurrentFormat = 2;

    public static ScoreCheckpoint? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var checkpoint = JsonSerializer.Deserialize<ScoreCheckpoint>(File.ReadAllText(path), JsonDefaults.Options);

            // Missing members deserialise as null or 0; a checkpoint without them cannot vouch for anything.
            return checkpoint is { Input: not null, Model: not null, Settings: not null, Rows: >= 0, OutputBytes: >= 0 }
                ? checkpoint
                : throw new JsonException("fields are missing");
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path}: unreadable checkpoint ({ex.Message.Split('\n')[0]}); run without --resume to start again");
        }
    }

    /// <summary>Saves through a temporary file and a rename, so a crash leaves the old checkpoint or the new one, whole.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, JsonDefaults.Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Why this checkpoint's run cannot be continued with <paramref name="current"/>, or null when it can.</summary>
    public string? Mismatch(ScoreCheckpoint current)
    {
        if (Format != CurrentFormat)
        {
            return $"it was written by another version of the tool (checkpoint format {Format})";
        }

        if (Input.Length != current.Input.Length || Input.Sha256 != current.Input.Sha256)
        {
            return $"it was started on another input ({Input.Path}, {Input.Length:N0} bytes), not this {current.Input.Path} ({current.Input.Length:N0} bytes)";
        }

        if (Model.Version != current.Model.Version)
        {
            return $"it was started with model {Model.Version}, not {current.Model.Version}";
        }

        if (Model.Sha256 != current.Model.Sha256)
        {
            return $"the files of model {Model.Version} have changed since it was started";
        }

        if (Settings != current.Settings)
        {
            return $"it was started with other options ({Settings.Describe()}), not {current.Settings.Describe()}";
        }

        return null;
    }
}

/// <summary>
/// Identifies an input file by its length and the SHA-256 of its first and last MiB: cheap for any size, and it
/// changes when rows are added, removed or edited near either end. The path is kept for messages only, so a folder
/// copied elsewhere can still be resumed.
/// </summary>
public sealed record InputFingerprint(string Path, long Length, string Sha256)
{
    private const int Window = 1 << 20;

    public static InputFingerprint Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Window];
        hash.AppendData(buffer, 0, stream.ReadAtLeast(buffer, Window, throwOnEndOfStream: false));
        if (length > Window)
        {
            stream.Seek(Math.Max(Window, length - Window), SeekOrigin.Begin);
            hash.AppendData(buffer, 0, stream.ReadAtLeast(buffer, Window, throwOnEndOfStream: false));
        }

        return new InputFingerprint(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

/// <summary>A model by its version and the SHA-256 of its manifest and model file (a re-edited threshold changes it).</summary>
public sealed record ModelFingerprint(string Version, string Sha256)
{
    public static ModelFingerprint Of(ScoringModel model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { ModelBundle.ManifestFile, ModelBundle.ModelFile })
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(model.Directory, file)));
        }

        return new ModelFingerprint(model.Version, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

/// <summary>
/// The options that shape the output, and the CSV input's field separator (given or detected: it decides what a row is);
/// --batch-size and --progress do not, so they may change on resume.
/// </summary>
public sealed record ScoreSettings(string InputFormat, string Delimiter, string OutputFormat, string TextColumn, int Explain)
{
    public string Describe() =>
        $"--format {InputFormat}" + (Delimiter.Length > 0 ? $", --delimiter {(Delimiter == "tab" ? Delimiter : $"'{Delimiter}'")}" : string.Empty)
        + $", {OutputFormat} output, --text-column {TextColumn}" + (Explain > 0 ? $", --explain {Explain}" : ", no --explain");
}
