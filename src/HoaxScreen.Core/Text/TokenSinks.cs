using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Where <see cref="TextNormalizer"/>'s token loop writes: the model text alone (<see cref="ModelTextSink"/>, for
/// <see cref="TextNormalizer.Normalize"/>) or tokens with their original spans (<see cref="TokenListSink"/>, for
/// <see cref="TextNormalizer.Analyze"/>). Structs, so the loop is compiled once for each without virtual calls.
/// </summary>
internal interface ITokenSink
{
    /// <summary>The tokens written so far.</summary>
    int Count { get; }

    /// <summary>Writes a token that came from <paramref name="piece"/>.</summary>
    void Add(string token, in Piece piece);

    /// <inheritdoc cref="Add(string, in Piece)"/>
    void Add(ReadOnlySpan<char> token, in Piece piece);

    /// <summary>Widens the last token to cover <paramref name="piece"/> too (a run of the same emoji is one token).</summary>
    void ExtendLast(in Piece piece);
}

/// <summary>The tokens joined by single spaces in a builder reused on each thread; no offsets.</summary>
internal struct ModelTextSink : ITokenSink
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly StringBuilder _builder;

    public ModelTextSink(int capacity)
    {
        _builder = (t_builder ?? new StringBuilder(Math.Max(256, capacity))).Clear();
        t_builder = null;
    }

    public int Count { get; private set; }

    public void Add(string token, in Piece piece) => Add(token.AsSpan(), piece);

    public void Add(ReadOnlySpan<char> token, in Piece piece)
    {
        if (Count++ > 0)
        {
            _builder.Append(' ');
        }

        _builder.Append(token);
    }

    public readonly void ExtendLast(in Piece piece)
    {
    }

    /// <summary>The model text; the builder goes back to the thread for the next post.</summary>
    public readonly string Finish()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= 16 * 1024)
        {
            t_builder = _builder;
        }

        return text;
    }
}

/// <summary>The tokens, each with the span of the original text its piece came from.</summary>
internal readonly struct TokenListSink(FoldedText folded) : ITokenSink
{
    public List<NormalizedToken> Tokens { get; } = [];

    public int Count => Tokens.Count;

    public void Add(string token, in Piece piece)
    {
        var start = folded.OriginalStart(piece.Start);
        Tokens.Add(new NormalizedToken(token, start, folded.OriginalEnd(piece.End - 1) - start));
    }

    public void Add(ReadOnlySpan<char> token, in Piece piece) => Add(token.ToString(), piece);

    public void ExtendLast(in Piece piece)
    {
        var last = Tokens[^1];
        Tokens[^1] = last with { Length = folded.OriginalEnd(piece.End - 1) - last.Start };
    }
}
