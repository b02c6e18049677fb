namespace HoaxScreen.Core.Text;

internal enum PieceKind
{
    Word,
    Url,
    Mention,
    Emoji,
}

/// <summary>
/// A span <c>[Start, End)</c> of the folded text that becomes zero or more tokens. <c>Joined</c> holds the
/// word when it is not the span's text as written (letters joined from "k.a.f.i.r").
/// </summary>
internal readonly record struct Piece(PieceKind Kind, int Start, int End, string? Joined = null);
