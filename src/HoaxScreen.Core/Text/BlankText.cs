using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Whether a post has anything to screen: blank when it is empty or holds only white space and characters the
/// normaliser drops as invisible (control characters such as U+0000, zero-width and bidi marks, a byte order mark...),
/// so the model would see nothing at all.
/// </summary>
public static class BlankText
{
    public static bool IsBlank(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !UnicodeFolding.IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }
}
