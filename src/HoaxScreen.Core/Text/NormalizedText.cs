namespace HoaxScreen.Core.Text;

/// <summary>A normalised token and the span of the original text it came from.</summary>
public readonly record struct NormalizedToken(string Text, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A post after normalisation: its tokens, each mapped back to characters of the original.</summary>
public sealed class NormalizedText(string original, IReadOnlyList<NormalizedToken> tokens)
{
    private string? _text;

    public string Original { get; } = original;

    public IReadOnlyList<NormalizedToken> Tokens { get; } = tokens;

    /// <summary>What the model reads: the tokens joined by single spaces.</summary>
    public string Text => _text ??= string.Join(' ', Tokens.Select(t => t.Text));

    /// <summary>The model text with the tokens at <paramref name="skip"/> left out (for explanations).</summary>
    public string TextWithout(Func<int, bool> skip)
    {
        // Runs once per occluded word of an explanation: one builder, no list of parts.
        var text = new System.Text.StringBuilder(Text.Length);
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!skip(i))
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(Tokens[i].Text);
            }
        }

        return text.ToString();
    }
}
