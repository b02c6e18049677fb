using System.Text;

namespace HoaxScreen.Training.Terminal;

/// <summary>
/// A terminal writer that stops writing, instead of throwing, once the terminal has gone away (a closed window): a
/// live display redraws from its own thread, where an exception would end the process, and a long run should go on
/// (and stop cleanly if it was asked to) whether anyone still watches it or not.
/// </summary>
internal sealed class QuietWhenGoneWriter(TextWriter inner) : TextWriter
{
    private volatile bool _gone;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (_gone)
        {
            return;
        }

        try
        {
            write();
        }
        catch (IOException)
        {
            _gone = true;
        }
    }
}
