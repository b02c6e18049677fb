using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Screening;

/// <summary>One post to screen.</summary>
public sealed record ScreenRequest
{
    /// <summary>Words per explained label when <see cref="TopWords"/> is not sent.</summary>
    public const int DefaultTopWords = 5;

    /// <summary>Most words per explained label a request may ask for.</summary>
    public const int MaxTopWords = 20;

    /// <summary>
    /// The post exactly as published: informal Indonesian, slang, abbreviations, emoji and leetspeak are all fine.
    /// Required, not blank, at most <c>Screening:MaxTextLength</c> characters (10,000 by default).
    /// </summary>
    /// <example>Selamat pagi warga Semarang, TPS 12 buka jam 07.00 ya. Jangan lupa bawa KTP dan surat undangan.</example>
    [Required]
    public string? Text { get; init; }

    /// <summary>Optional caller identifier (at most 128 characters), echoed unchanged in the result.</summary>
    /// <example>post-0001</example>
    public string? Id { get; init; }

    /// <summary>
    /// When true, the result carries <c>explanations</c>: for each flagged label, the words of the post that drove its
    /// score, with their offsets into <c>text</c> so a tool can highlight them. Explaining re-scores the post once per
    /// distinct word, so it costs more than plain screening; leave it off for bulk scoring. Default false.
    /// </summary>
    /// <example>false</example>
    [DefaultValue(false)]
    public bool Explain { get; init; }

    /// <summary>
    /// With <c>explain</c>: false (default) explains only the flagged labels; true explains every label the model scores,
    /// flagged or not. Ignored when <c>explain</c> is false.
    /// </summary>
    /// <example>false</example>
    [DefaultValue(false)]
    public bool ExplainAllLabels { get; init; }

    /// <summary>
    /// Optional: who published the post (<c>role</c>), read by the risk rules, e.g. campaign content from a civil
    /// servant is <c>asn_neutrality</c>. Nothing is stored.
    /// </summary>
    public PostAuthor? Author { get; init; }

    /// <summary>Optional: what the author did with the content (<c>action</c>: post, comment, share or like), read by the risk rules.</summary>
    public PostContext? Context { get; init; }

    /// <summary>With <c>explain</c>: the most words to return per explained label, strongest first (1 to 20, default 5).</summary>
    /// <example>5</example>
    [DefaultValue(DefaultTopWords)]
    public int TopWords { get; init; } = DefaultTopWords;
}
