using System.Globalization;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// One JSON object per line: <c>id</c> (the input's, as given, when it has one), then per label <c>LABEL</c>
/// (probability, the same digits as the CSV) and <c>LABEL_flagged</c> (true/false), then <c>flagged</c>; with --explain,
/// then <c>LABEL_words</c> per label (an array of words, empty when the label is not flagged).
/// </summary>
public sealed class JsonLinesScoreWriter : IScoreWriter
{
    private readonly TextWriter _writer;
    private readonly bool _explain;
    private readonly string[] _scoreKeys;
    private readonly string[] _flagKeys;
    private readonly string[] _wordsKeys;
    private readonly char[] _number = new char[32];

    public JsonLinesScoreWriter(TextWriter writer, IReadOnlyList<string> labels, bool explain)
    {
        _writer = writer;
        _explain = explain;
        _scoreKeys = [.. labels.Select(l => JsonText.Quote(l) + ":")];
        _flagKeys = [.. labels.Select(l => JsonText.Quote(l + "_flagged") + ":")];
        _wordsKeys = [.. labels.Select(l => JsonText.Quote(l + "_words") + ":")];
    }

    public void WriteHeader()
    {
    }

    public void WriteRow(PostVerdict verdict, IReadOnlyList<string>[]? words, string? idJson)
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
        _writer.Write(verdict.Flagged ? "true" : "false");
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
}
