using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// A loaded model bundle (see <see cref="ModelBundleLoader"/>): its manifest, the normaliser it was trained with, its
/// <see cref="TextClassifier"/> and each label's threshold. Immutable and thread-safe: every method may be called from
/// any number of threads at once.
/// </summary>
public sealed class ScoringModel : IPostScorer
{
    private readonly double[] _thresholds;
    private readonly string[] _labels;

    [ThreadStatic]
    private static LabelScores? _scores;

    public ScoringModel(ModelManifest manifest, string directory, TextNormalizer normalizer, TextClassifier classifier)
    {
        if (classifier.LabelCount != manifest.Labels.Count)
        {
            throw new ModelBundleException($"{directory}: the model scores {classifier.LabelCount} labels; the manifest lists {manifest.Labels.Count}");
        }

        Manifest = manifest;
        Directory = directory;
        Normalizer = normalizer;
        Classifier = classifier;
        _labels = [.. manifest.Labels.Select(l => l.Name)];
        _thresholds = [.. manifest.Labels.Select(l => l.Threshold)];
    }

    public ModelManifest Manifest { get; }

    public string Directory { get; }

    public IReadOnlyList<string> Labels => _labels;

    public TextNormalizer Normalizer { get; }

    public TextClassifier Classifier { get; }

    public string Version => Manifest.Version;

    public string Normalize(string text, ScoringBudget? budget = null) => NormalizeWithin(text, budget, index: 0);

    public PostVerdict Score(string text, ScoringBudget? budget = null) => ScoreNormalized(NormalizeWithin(text, budget, index: 0));

    public PostVerdict ScoreNormalized(string normalizedText)
    {
        var scores = _scores ??= new LabelScores();
        Classifier.Predict(normalizedText, scores);
        return ToVerdict(scores);
    }

    public IReadOnlyList<PostVerdict> ScoreBatch(IReadOnlyList<string> texts, ScoringBudget? budget = null, CancellationToken cancellationToken = default)
    {
        var verdicts = new PostVerdict[texts.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            verdicts[i] = ScoreNormalized(NormalizeWithin(texts[i], budget, i));
        }

        return verdicts;
    }

    public (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        string text, Func<LabelVerdict, bool> explainLabel, int topWords = 5, ScoringBudget? budget = null, CancellationToken cancellationToken = default) =>
        PostExplainer.Explain(this, text, explainLabel, topWords, budget ?? ScoringBudget.Unlimited, cancellationToken);

    /// <summary>Every label's probability and margin for a normalised text, into <paramref name="output"/> (explanations read margins).</summary>
    public void Predict(string normalizedText, LabelScores output) => Classifier.Predict(normalizedText, output);

    /// <summary>The verdict for scores from <see cref="Predict"/>, at this bundle's thresholds.</summary>
    public PostVerdict ToVerdict(LabelScores scores)
    {
        var labels = new LabelVerdict[_thresholds.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var score = scores.Probabilities[i];
            labels[i] = new LabelVerdict(_labels[i], score, _thresholds[i], score >= _thresholds[i]);
        }

        return new PostVerdict(labels);
    }

    /// <summary>The normalised text of a post, refused when it is longer than the budget allows.</summary>
    private string NormalizeWithin(string text, ScoringBudget? budget, int index)
    {
        var normalized = Normalizer.Normalize(text);
        if (budget is not null && normalized.Length > budget.MaxNormalizedLength)
        {
            throw new ScoringBudgetException(index, normalized.Length, budget.MaxNormalizedLength);
        }

        return normalized;
    }
}
