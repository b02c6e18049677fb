using System.Text;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The output of a <c>score</c> run while it is being written: OUT.partial, with its checkpoint OUT.partial.json beside
/// it, moved to OUT only when every row is written. The file is locked against a second run writing to it.
/// </summary>
public sealed class PartialOutput : IDisposable
{
    private readonly FileStream _stream;

    private PartialOutput(string output, FileStream stream)
    {
        FinalPath = output;
        _stream = stream;
        Writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
    }

    public string FinalPath { get; }

    public string PartialPath => PartialPathOf(FinalPath);

    public string CheckpointPath => CheckpointPathOf(FinalPath);

    public TextWriter Writer { get; }

    public static string PartialPathOf(string output) => output + ".partial";

    public static string CheckpointPathOf(string output) => output + ".partial.json";

    /// <summary>Starts an empty OUT.partial, replacing an earlier one and its checkpoint.</summary>
    public static PartialOutput Start(string output)
    {
        File.Delete(CheckpointPathOf(output));
        return new PartialOutput(output, new FileStream(PartialPathOf(output), FileMode.Create, FileAccess.Write, FileShare.None));
    }

    /// <summary>
    /// Reopens OUT.partial for a resumed run, cut back to the length its checkpoint recorded: rows written after the
    /// last checkpoint may be incomplete, and they are scored again.
    /// </summary>
    public static PartialOutput Continue(string output, ScoreCheckpoint checkpoint)
    {
        var path = PartialPathOf(output);
        if (!File.Exists(path))
        {
            throw new Core.Data.DataFormatException($"{path}: missing, though {CheckpointPathOf(output)} expects it; run without --resume to start again");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
        if (stream.Length < checkpoint.OutputBytes)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new Core.Data.DataFormatException(
                $"{path}: {length:N0} bytes, shorter than the {checkpoint.OutputBytes:N0} its checkpoint recorded; run without --resume to start again");
        }

        stream.SetLength(checkpoint.OutputBytes);
        stream.Seek(0, SeekOrigin.End);
        return new PartialOutput(output, stream);
    }

    /// <summary>Writes out everything buffered and forces it to disk; returns the file's length (a row boundary).</summary>
    public long Flush()
    {
        Writer.Flush();
        _stream.Flush(flushToDisk: true);
        return _stream.Length;
    }

    /// <summary>Closes the finished output, moves it into place (replacing an older OUT) and removes the checkpoint.</summary>
    public void Complete()
    {
        Flush();
        Dispose();
        File.Move(PartialPath, FinalPath, overwrite: true);
        File.Delete(CheckpointPath);
    }

    /// <summary>Closes and deletes the partial output and its checkpoint (the input cannot be scored as it is).</summary>
    public void Discard()
    {
        try
        {
            Dispose();
        }
        catch (IOException)
        {
            // A flush that fails (disk full) must not stop the clean-up.
        }

        File.Delete(PartialPath);
        File.Delete(CheckpointPath);
    }

    public void Dispose()
    {
        Writer.Dispose();
        _stream.Dispose();
    }
}
