using System.Security.Cryptography;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// How far an unfinished <c>score</c> run got, saved beside its partial output as OUT.partial.json: the rows written
/// and the output's length after them (flushed to disk before the checkpoint is saved), the SHA-256 of the input rows
/// they were scored from, and what the run was started with, so <c>--resume</c> continues only the same input rows,
/// model and options, with <c>--claims</c> the same claims and matcher (<see cref="ClaimsFingerprint"/>) and with
/// <c>--termlists</c> the same lists (<see cref="TermListsFingerprint"/>); each absent, as in checkpoints written before
/// the option existed, for a run without it.
/// </summary>
public sealed record ScoreCheckpoint(
    int Format,
    long Rows,
    long OutputBytes,
    long Flagged,
    InputFingerprint Input,
    ModelFingerprint Model,
    ScoreSettings Settings,
    ClaimsFingerprint? Claims = null,
    TermListsFingerprint? TermLists = null)
{
    /// <summary>
    /// 3: the input is identified by the hash of the rows written (<see cref="ConsumedRowsHash"/>); format 2 vouched only
    /// for the input's first and last MiB, and format 1 runs wrote no id column: neither can be continued.
    /// </summary>
    public const int CurrentFormat = 3;

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
            return checkpoint is { Input.Sha256: not null, Model: not null, Settings: not null, Rows: >= 0, OutputBytes: >= 0 }
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

    /// <summary>
    /// Why this checkpoint's run cannot be continued with <paramref name="current"/>'s model and options, or null when
    /// it can. The input is checked as its rows are read back (<see cref="InputFingerprint"/>).
    /// </summary>
    public string? Mismatch(ScoreCheckpoint current)
    {
        if (Format != CurrentFormat)
        {
            return $"it was written by another version of the tool (checkpoint format {Format})";
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

        return ClaimsFingerprint.Mismatch(Claims, current.Claims) ?? TermListsFingerprint.Mismatch(TermLists, current.TermLists);
    }
}

/// <summary>
/// The input rows a checkpoint's output was scored from: the SHA-256 of the first <see cref="ScoreCheckpoint.Rows"/> rows
/// (<see cref="ConsumedRowsHash"/>). <c>--resume</c> reads those rows back, hashes them the same way and goes on only if
/// the hash matches, so an edit anywhere in them (same size or not) is refused, while rows after them may change or be
/// added: they have not been scored yet. The path is kept for messages only, so a folder copied elsewhere can still be
/// resumed.
/// </summary>
public sealed record InputFingerprint(string Path, string Sha256);

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
