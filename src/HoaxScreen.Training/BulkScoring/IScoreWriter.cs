using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>Writes one scored post per call, in one of the output formats.</summary>
public interface IScoreWriter
{
    /// <summary>Whatever comes before the first row (the CSV header).</summary>
    void WriteHeader();

    /// <param name="verdict">The post's verdict, labels in the model's order.</param>
    /// <param name="words">With --explain: per label (model order) the words behind it, empty for labels not flagged; else null.</param>
    /// <param name="idJson">The input row's id as JSON text, or null.</param>
    /// <param name="claim">With --claims: the post's best candidate claim, null when none was retrieved; ignored without --claims.</param>
    /// <param name="terms">With --termlists: the post's term matches (empty when none); ignored without --termlists.</param>
    void WriteRow(PostVerdict verdict, IReadOnlyList<string>[]? words, string? idJson, ClaimMatch? claim, IReadOnlyList<TermMatch>? terms);
}
