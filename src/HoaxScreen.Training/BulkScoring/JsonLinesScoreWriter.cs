using System.Globalization;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// One JSON object per line: <c>id</c> (the input's, as given, when it has one), then per label <c>LABEL</c>
/// (probability, the same digits as the CSV) and <c>LABEL_flagged</c> (true/false), then <c>flagged</c>; with --claims,
/// then <c>claim_id</c> (a string) and <c>claim_score</c> (a number) of the best candidate claim, both null when none was
/// retrieved, and <c>claim_decision</c> ("match", "suggest" or "none"); with --termlists, then <c>termMatches</c> as
/// <c>/v1/screen</c> gives them (<c>[{ "list", "term", "start", "length" }]</c>, UTF-16 offsets into the text, empty when
/// none); with --explain, then <c>LABEL_words</c> per label (an array of words, empty when the label is not flagged).
/// </summary>
public sealed class JsonLinesScoreWriter : IScoreWriter
{
    private readonly TextWriter _writer;
    private readonly bool _explain;
    private readonly bool _claims;
    private readonly bool _termLists;
    private readonly string[] _scoreKeys;
    private readonly string[] _flagKeys;
    private readonly string[] _wordsKeys;
    private readonly char[] _number = new char[32];

    public JsonLinesScoreWriter(TextWriter writer, IReadOnlyList<string> labels, bool explain, bool claims = false, bool termLists = false)
    {
        _writer = writer;
        _explain = explain;
        _claims = claims;
        _termLists = termLists;
        _scoreKeys = [.. labels.Select(l => JsonText.Quote(l) + ":")];
        _flagKeys = [.. labels.Select(l => JsonText.Quote(l + "_flagged") + ":")];
        _wordsKeys = [.. labels.Select(l => JsonText.Quote(l + "_words") + ":")];
    }

    public void WriteHeader()
    {
    }

    public void WriteRow(PostVerdict verdict, IReadOnlyList<string>[]? words, string? idJson, ClaimMatch? claim, IReadOnlyList<TermMatch>? terms)
    {
        _writer.Write('{');
        if (idJson is not null)
        {
            _writer.Write("\"id\":");
            _writer.Write(idJson);
            _writer.Write(',');
        }

        for (var i = 0; i < verdict.Labels.Count; i++)
        {
            var label = verdict.Labels[i];
            _writer.Write(_scoreKeys[i]);
            label.Score.TryFormat(_number, out var length, "0.######", CultureInfo.InvariantCulture);
            _writer.Write(_number.AsSpan(0, length));
            _writer.Write(',');
            _writer.Write(_flagKeys[i]);
            _writer.Write(label.Flagged ? "true," : "false,");
        }

        _writer.Write("\"flagged\":");
        _writer.Write(BulkTermLists.Flagged(verdict, claim, terms) ? "true" : "false");
        if (_claims)
        {
            if (claim is null)
            {
                _writer.Write(",\"claim_id\":null,\"claim_score\":null");
            }
            else
            {
                _writer.Write(",\"claim_id\":");
                _writer.Write(JsonText.Quote(claim.Claim.Id));
                _writer.Write(",\"claim_score\":");
                claim.Score.TryFormat(_number, out var length, "0.######", CultureInfo.InvariantCulture);
                _writer.Write(_number.AsSpan(0, length));
            }

            _writer.Write(",\"claim_decision\":\"");
            _writer.Write(BulkClaims.DecisionName(claim?.Decision));
            _writer.Write('"');
        }

        if (_termLists)
        {
            WriteTermMatches(terms ?? []);
        }

        if (_explain)
        {
            for (var i = 0; i < _wordsKeys.Length; i++)
            {
                _writer.Write(',');
                _writer.Write(_wordsKeys[i]);
                _writer.Write('[');
                if (words is not null)
                {
                    _writer.Write(string.Join(',', words[i].Select(JsonText.Quote)));
                }

                _writer.Write(']');
            }
        }

        _writer.Write("}\n");
    }

    private void WriteTermMatches(IReadOnlyList<TermMatch> terms)
    {
        _writer.Write(",\"termMatches\":[");
        for (var i = 0; i < terms.Count; i++)
        {
            _writer.Write(i == 0 ? "{\"list\":" : ",{\"list\":");
            _writer.Write(JsonText.Quote(terms[i].List));
            _writer.Write(",\"term\":");
            _writer.Write(JsonText.Quote(terms[i].Term));
            _writer.Write(",\"start\":");
            _writer.Write(terms[i].Start.ToString(CultureInfo.InvariantCulture));
            _writer.Write(",\"length\":");
            _writer.Write(terms[i].Length.ToString(CultureInfo.InvariantCulture));
            _writer.Write('}');
        }

        _writer.Write(']');
    }
}
