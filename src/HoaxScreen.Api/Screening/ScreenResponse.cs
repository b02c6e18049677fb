using System.Text.Json.Serialization;
using HoaxScreen.Api.Claims;
using HoaxScreen.Api.TermLists;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Api.Screening;

/// <summary>The verdict on one post.</summary>
public sealed record ScreenResponse
{
    /// <summary>The <c>id</c> sent with the post, or null when none was sent.</summary>
    public string? Id { get; init; }

    /// <summary>Version of the model bundle that scored the post.</summary>
    public required string Model { get; init; }

    /// <summary>
    /// True when at least one label is flagged, or (with known-hoax matching on) the post matches a debunk rated false or
    /// misleading, or (with term lists on) it holds a term of a list with <c>flag: true</c>.
    /// </summary>
    public required bool Flagged { get; init; }

    /// <summary>One entry per label the model scores, keyed by label name, in the model's label order.</summary>
    public required IReadOnlyDictionary<string, LabelScore> Labels { get; init; }

    /// <summary>
    /// With known-hoax matching on (<c>Claims:Path</c>): the published debunks the post may repeat, best first,
    /// <c>suggest</c> and above, at most 3 (empty when none). Absent while matching is off.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<KnownClaim>? KnownClaims { get; init; }

    /// <summary>
    /// With term lists on (<c>TermLists:Path</c>): every listed term the post holds, however disguised, with its list and
    /// its place in the original text (UTF-16 offsets), in order of position (empty when none). Absent while term lists are off.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TermMatchResponse>? TermMatches { get; init; }

    /// <summary>
    /// The risks the deployment's rules (<c>Risks:RulesPath</c>) find in this post and its context, e.g.
    /// <c>asn_neutrality</c> (campaign content from a civil servant) or <c>black_campaign</c> (campaign content with a
    /// false claim, SARA or hate), each with the reason to show a moderator. Empty when none applies.
    /// </summary>
    public IReadOnlyList<RiskResponse> Risks { get; init; } = [];

    /// <summary>
    /// Present only when the request set <c>explain</c>: keyed by label name (the flagged labels, or every label with
    /// <c>explainAllLabels</c>), in the model's label order, the words that pushed that label's score up, strongest first.
    /// An empty object when nothing was flagged; an empty list when no single word raised the label's score.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<ExplainedWord>>? Explanations { get; init; }

    public static ScreenResponse From(string? id, string model, PostVerdict verdict, IReadOnlyList<LabelExplanation>? explanations = null)
    {
        var labels = new OrderedDictionary<string, LabelScore>(verdict.Labels.Count, StringComparer.Ordinal);
        foreach (var label in verdict.Labels)
        {
            labels.Add(label.Label, new LabelScore { Score = label.Score, Flagged = label.Flagged, Threshold = label.Threshold });
        }

        return new ScreenResponse
        {
            Id = id,
            Model = model,
            Flagged = verdict.Flagged,
            Labels = labels,
            Explanations = explanations is null ? null : ToExplanations(explanations),
        };
    }

    /// <summary>
    /// This response with the known claims the matcher found (null: matching is off); a confident match with a debunk
    /// rating the claim false or misleading flags the post.
    /// </summary>
    public ScreenResponse WithKnownClaims(IReadOnlyList<HoaxScreen.Core.Claims.Matching.ClaimMatch>? matches) => matches is null
        ? this
        : this with
        {
            KnownClaims = [.. matches.Select(KnownClaim.From)],
            RepeatsFalseClaim = matches.Any(m => m.FlagsThePost),
            Flagged = Flagged || matches.Any(m => m.FlagsThePost),
        };

    /// <summary>Whether a known claim is a confident match with a debunk rated false or misleading (<see cref="HoaxScreen.Core.Claims.Matching.ClaimMatch.FlagsThePost"/>).</summary>
    [JsonIgnore]
    internal bool RepeatsFalseClaim { get; init; }

    /// <summary>This response with the terms found (null: term lists are off); a match of a flagging list flags the post.</summary>
    public ScreenResponse WithTermMatches(IReadOnlyList<HoaxScreen.Core.TermLists.TermMatch>? matches) => matches is null
        ? this
        : this with
        {
            TermMatches = [.. matches.Select(TermMatchResponse.From)],
            Flagged = Flagged || matches.Any(m => m.Flag),
        };

    /// <summary>This response with the risks its rules found.</summary>
    public ScreenResponse WithRisks(IReadOnlyList<HoaxScreen.Core.Risks.Risk> risks) =>
        risks.Count == 0 ? this : this with { Risks = [.. risks.Select(r => new RiskResponse(r.Name, r.Reason))] };

    /// <summary>What the risk rules read of this response: flagged labels, a confident false/misleading match, matched lists.</summary>
    public HoaxScreen.Core.Risks.RiskFacts RiskFacts(string? authorRole, string? action) => new(
        Labels.Where(p => p.Value.Flagged).Select(p => p.Key).ToHashSet(StringComparer.Ordinal),
        authorRole,
        action,
        RepeatsFalseClaim,
        TermMatches?.Select(m => m.List).ToHashSet(StringComparer.Ordinal));

    private static OrderedDictionary<string, IReadOnlyList<ExplainedWord>> ToExplanations(IReadOnlyList<LabelExplanation> explanations)
    {
        var result = new OrderedDictionary<string, IReadOnlyList<ExplainedWord>>(explanations.Count, StringComparer.Ordinal);
        foreach (var explanation in explanations)
        {
            result.Add(explanation.Label, [.. explanation.Words.Select(ExplainedWord.From)]);
        }

        return result;
    }
}

/// <summary>A risk the deployment's rules found: its name and the reason for a moderator.</summary>
public sealed record RiskResponse(string Name, string Reason);

/// <summary>One label's score and verdict.</summary>
public sealed record LabelScore
{
    /// <summary>Probability (0..1) that the label applies to the post.</summary>
    public required float Score { get; init; }

    /// <summary>True when <c>score</c> is at or above <c>threshold</c>.</summary>
    public required bool Flagged { get; init; }

    /// <summary>The label's decision threshold, chosen on held-out data when the model was trained.</summary>
    public required double Threshold { get; init; }
}

/// <summary>
/// A word or phrase of the post that pushed a label's score up, listed once however often it occurs. Offsets are UTF-16
/// code units into the <c>text</c> as sent, so <c>text.substring(start, start + length)</c> is the word exactly as written
/// (e.g. "a*jing", "b4b1" or "k a f i r", whatever normalisation made of it). <c>text</c>, <c>start</c> and
/// <c>length</c> describe the first occurrence; <c>spans</c> lists every occurrence (spellings that normalise alike,
/// such as "anjing" and "a*jing", are one word).
/// </summary>
public sealed record ExplainedWord
{
    /// <summary>The word exactly as it first appears in the original post.</summary>
    /// <example>a*jing</example>
    public required string Text { get; init; }

    /// <summary>Offset of the first occurrence's first character in the original post (UTF-16 code units, from 0).</summary>
    /// <example>6</example>
    public required int Start { get; init; }

    /// <summary>Length of the first occurrence in the original post (UTF-16 code units).</summary>
    /// <example>6</example>
    public required int Length { get; init; }

    /// <summary>
    /// How much the word raises the label's score: the drop in the label's log-odds when the post is re-scored without
    /// any occurrence of it. Always positive; larger means stronger.
    /// </summary>
    /// <example>1.2345</example>
    public required double Weight { get; init; }

    /// <summary>How many times the word occurs in the post: the number of <c>spans</c>.</summary>
    /// <example>1</example>
    public required int Count { get; init; }

    /// <summary>Every occurrence of the word in the original post, in order; the first is <c>start</c>/<c>length</c>.</summary>
    public required IReadOnlyList<ExplainedSpan> Spans { get; init; }

    public static ExplainedWord From(WordContribution word) => new()
    {
        Text = word.Text,
        Start = word.Start,
        Length = word.Length,
        Weight = word.Weight,
        Count = word.Count,
        Spans = [.. word.Spans.Select(s => new ExplainedSpan { Start = s.Start, Length = s.Length })],
    };
}

/// <summary>One occurrence of an explained word: UTF-16 offsets into the <c>text</c> as sent.</summary>
public sealed record ExplainedSpan
{
    /// <summary>Offset of the occurrence's first character in the original post (UTF-16 code units, from 0).</summary>
    /// <example>6</example>
    public required int Start { get; init; }

    /// <summary>Length of the occurrence in the original post (UTF-16 code units).</summary>
    /// <example>6</example>
    public required int Length { get; init; }
}
