using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Api.Model;

/// <summary>What the served model is, how it was trained and how well it did on held-out data.</summary>
public sealed record ModelInfoResponse
{
    /// <summary>Bundle version id, as reported in every screening result.</summary>
    public required string Version { get; init; }

    /// <summary>When the bundle was trained.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How the training data was split into train and evaluation rows.</summary>
    public required string Split { get; init; }

    /// <summary>The labels the model scores, in order, with thresholds and evaluation metrics.</summary>
    public required IReadOnlyList<ModelLabelInfo> Labels { get; init; }

    /// <summary>The data files the model was trained from.</summary>
    public required IReadOnlyList<ModelSourceInfo> Sources { get; init; }

    /// <summary>Trainer settings used.</summary>
    public required TrainerInfo Trainer { get; init; }

    /// <summary>Text normaliser settings, applied to every post before scoring.</summary>
    public required NormalizerInfo Normalizer { get; init; }

    /// <summary>Licence of the bundle (SPDX id, e.g. CC-BY-NC-SA-4.0); its LICENSE.md gives the attribution.</summary>
    public string? License { get; init; }

    /// <summary>What the model was trained on and meant for, and its known limits.</summary>
    public ModelCard? Card { get; init; }

    /// <summary>k-fold cross-validation of the training recipe: per label (and per source) mean ± spread, and the share of clean posts each label flags.</summary>
    public CrossValidationSummary? CrossValidation { get; init; }

    /// <summary>The served model's description: its manifest, with the lexicon sizes of what it loaded.</summary>
    public static ModelInfoResponse From(ScoringModel model) => From(model.Manifest, model.Normalizer.Lexicon);

    private static ModelInfoResponse From(ModelManifest manifest, Lexicon lexicon) => new()
    {
        Version = manifest.Version,
        CreatedAt = manifest.CreatedAt,
        Split = manifest.Split,
        Labels = [.. manifest.Labels.Select(l => new ModelLabelInfo
        {
            Name = l.Name,
            Threshold = l.Threshold,
            TrainRows = l.TrainRows,
            TrainPositives = l.TrainPositives,
            ThresholdChosenOn = l.ThresholdChosenOn,
            Metrics = new LabelMetricsInfo
            {
                Rows = l.Metrics.Rows,
                Positives = l.Metrics.Positives,
                Precision = l.Metrics.Precision,
                Recall = l.Metrics.Recall,
                F1 = l.Metrics.F1,
                RocAuc = l.Metrics.RocAuc,
                Accuracy = l.Metrics.Accuracy,
                Ece = l.Metrics.Ece,
                Brier = l.Metrics.Brier,
            },
        })],
        Sources = [.. manifest.Sources.Select(s => new ModelSourceInfo { Path = s.Path, Rows = s.Rows, Sha256 = s.Sha256 })],
        Trainer = new TrainerInfo
        {
            Algorithm = manifest.Trainer.Algorithm,
            Seed = manifest.Trainer.Seed,
            L2Regularization = manifest.Trainer.L2Regularization,
            MaximumIterations = manifest.Trainer.MaximumIterations,
            WordNgramLength = manifest.Trainer.WordNgramLength,
            CharNgramLength = manifest.Trainer.CharNgramLength,
            DefaultThreshold = manifest.Trainer.DefaultThreshold,
        },
        Normalizer = NormalizerInfo.From(manifest.Normalizer, lexicon),
        License = manifest.License,
        Card = manifest.Card,
        CrossValidation = manifest.CrossValidation,
    };
}

/// <summary>A label the model scores.</summary>
public sealed record ModelLabelInfo
{
    /// <summary>Label name, the key used in screening results.</summary>
    public required string Name { get; init; }

    /// <summary>Decision threshold: a score at or above it flags the label.</summary>
    public required double Threshold { get; init; }

    /// <summary>Where the threshold was chosen: the validation split, or out-of-fold scores of cross-validation.</summary>
    public string? ThresholdChosenOn { get; init; }

    /// <summary>Training rows with a known value for this label.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Training rows positive for this label.</summary>
    public required int TrainPositives { get; init; }

    /// <summary>Metrics on the held-out evaluation rows, at the threshold.</summary>
    public required LabelMetricsInfo Metrics { get; init; }
}

/// <summary>Binary classification metrics of one label on held-out rows.</summary>
public sealed record LabelMetricsInfo
{
    /// <summary>Evaluation rows with a known value for the label.</summary>
    public required int Rows { get; init; }

    /// <summary>Evaluation rows positive for the label.</summary>
    public required int Positives { get; init; }

    /// <summary>Share of flagged rows that are truly positive.</summary>
    public required double Precision { get; init; }

    /// <summary>Share of positive rows that are flagged.</summary>
    public required double Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall.</summary>
    public required double F1 { get; init; }

    /// <summary>Area under the ROC curve (threshold-free ranking quality); null when the rows hold only one class.</summary>
    public required double? RocAuc { get; init; }

    /// <summary>Share of rows judged correctly.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Expected calibration error (10 bins): how far scores stray from observed frequencies; 0 is perfect.</summary>
    public double? Ece { get; init; }

    /// <summary>Brier score: mean squared error of the probabilities; lower is better.</summary>
    public double? Brier { get; init; }
}

/// <summary>A data file the model was trained from.</summary>
public sealed record ModelSourceInfo
{
    /// <summary>Path of the file as given to the trainer.</summary>
    public required string Path { get; init; }

    /// <summary>Rows read from the file.</summary>
    public required int Rows { get; init; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public required string Sha256 { get; init; }
}

/// <summary>Trainer settings of the model.</summary>
public sealed record TrainerInfo
{
    /// <summary>"sdca" or "lbfgs" logistic regression.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Random seed used in training.</summary>
    public required int Seed { get; init; }

    /// <summary>L2 regularisation, or null for the trainer default.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Iteration limit, or null for the trainer default.</summary>
    public int? MaximumIterations { get; init; }

    /// <summary>Longest word n-gram.</summary>
    public required int WordNgramLength { get; init; }

    /// <summary>Character n-gram length (0 = off).</summary>
    public required int CharNgramLength { get; init; }

    /// <summary>Threshold used for labels with too few positives to tune one.</summary>
    public required double DefaultThreshold { get; init; }
}

/// <summary>How posts are normalised before scoring.</summary>
public sealed record NormalizerInfo
{
    /// <summary>Normaliser version.</summary>
    public required int Version { get; init; }

    /// <summary>The normalisation rules switched on, e.g. foldUnicode, decodeLeetspeak, expandSlang.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Entries in the slang lexicon (informal → standard Indonesian) the served model loaded.</summary>
    public required int SlangEntries { get; init; }

    /// <summary>Watch words, in the lexicon the served model loaded, that disguised spellings are resolved towards.</summary>
    public required int Watchwords { get; init; }

    /// <summary>Known words, in the lexicon the served model loaded, used to choose between candidate repairs.</summary>
    public required int VocabularyWords { get; init; }

    /// <summary>
    /// The rules from <paramref name="settings"/>; the sizes from <paramref name="lexicon"/>, the lexicons the model loaded
    /// (the manifest's counts are those at training time, and a re-sealed bundle may have edited lexicons since).
    /// </summary>
    public static NormalizerInfo From(NormalizerSettings settings, Lexicon lexicon)
    {
        var rules = new List<string>();
        void Add(bool on, string name)
        {
            if (on)
            {
                rules.Add(name);
            }
        }

        Add(settings.FoldUnicode, "foldUnicode");
        Add(settings.ReplaceUrls, "replaceUrls");
        Add(settings.ReplaceMentions, "replaceMentions");
        Add(settings.SplitHashtags, "splitHashtags");
        Add(settings.KeepEmoji, "keepEmoji");
        Add(settings.JoinSpacedLetters, "joinSpacedLetters");
        Add(settings.DecodeLeetspeak, "decodeLeetspeak");
        Add(settings.UnmaskWords, "unmaskWords");
        Add(settings.ShortenElongation, "shortenElongation");
        Add(settings.ExpandSlang, "expandSlang");
        return new NormalizerInfo
        {
            Version = settings.Version,
            Rules = rules,
            SlangEntries = lexicon.SlangCount,
            Watchwords = lexicon.WatchwordCount,
            VocabularyWords = lexicon.VocabularyCount,
        };
    }
}
