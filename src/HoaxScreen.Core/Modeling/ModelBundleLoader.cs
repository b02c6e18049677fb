using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Core.Modeling;

/// <summary>
/// The one load path for a bundle folder, for the API and the CLI alike: manifest, every file against the manifest's
/// sizes and hashes (<see cref="ModelBundle.VerifyFiles"/>), the featuriser, the classifiers in <c>model.zip</c>, the
/// lexicons, then <see cref="CanaryPosts"/> scored. Anything wrong is a <see cref="ModelBundleException"/> that names the
/// file and the problem; a model is returned only when it scores.
/// </summary>
public static class ModelBundleLoader
{
    public static ScoringModel Load(string bundleDirectory)
    {
        var directory = Path.GetFullPath(bundleDirectory);
        if (!Directory.Exists(directory))
        {
            throw new ModelBundleException($"{directory}: model folder not found");
        }

        // The model file (the slow part: deserialising it and JIT-compiling ML.NET), the featuriser and the lexicons load
        // on the thread pool while the manifest is read and the files hashed here.
        var modelPath = Path.Combine(directory, ModelBundle.ModelFile);
        var loading = File.Exists(modelPath) ? Task.Run(() => new MLContext(seed: 1).Model.Load(modelPath, out _)) : null;
        var featurizer = Task.Run(() => NgramVocabularyFile.Read(directory));
        var lexicons = Task.Run(() => Lexicon.LoadFolder(directory));
        ModelManifest manifest;
        try
        {
            manifest = ModelBundle.ReadManifest(directory);
            if (manifest.Normalizer.Version != NormalizerSettings.CurrentVersion)
            {
                throw new ModelBundleException(
                    $"{directory}: normaliser version {manifest.Normalizer.Version} is not supported (expected {NormalizerSettings.CurrentVersion}); retrain the bundle");
            }

            // A partial copy or an edited lexicon is refused rather than served under the same version.
            ModelBundle.VerifyFiles(directory, manifest);
            if (loading is null)
            {
                throw new ModelBundleException($"{directory}: no {ModelBundle.ModelFile} in the bundle");
            }
        }
        catch
        {
            Observe(loading);
            Observe(featurizer);
            Observe(lexicons);
            throw;
        }

        ITransformer transformer;
        try
        {
            transformer = loading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or IOException or ArgumentException)
        {
            Observe(featurizer);
            Observe(lexicons);
            throw new ModelBundleException($"{modelPath}: not a readable ML.NET model ({ex.Message.Split('\n')[0]})", ex);
        }
        catch
        {
            Observe(featurizer);
            Observe(lexicons);
            throw;
        }

        LinearHeads heads;
        NgramFeaturizer ngrams;
        try
        {
            heads = LinearHeads.Extract(transformer, manifest.Labels.Count, modelPath);
            ngrams = featurizer.GetAwaiter().GetResult();
        }
        catch
        {
            Observe(featurizer);
            Observe(lexicons);
            throw;
        }

        if (heads.FeatureCount != ngrams.Size)
        {
            Observe(lexicons);
            throw new ModelBundleException(
                $"{directory}: the classifiers take {heads.FeatureCount:N0} features; {NgramVocabularyFile.FileName} makes {ngrams.Size:N0}");
        }

        var normalizer = new TextNormalizer(manifest.Normalizer, lexicons.GetAwaiter().GetResult());
        var model = new ScoringModel(manifest, directory, normalizer, new TextClassifier(ngrams, heads));
        CheckCanaries(model);
        return model;
    }

    /// <summary>A model that loads but cannot score every canary with one finite probability per label must not be served.</summary>
    private static void CheckCanaries(ScoringModel model)
    {
        foreach (var post in CanaryPosts.All)
        {
            var verdict = model.Score(post);
            if (verdict.Labels.Count != model.Labels.Count
                || verdict.Labels.Any(label => !float.IsFinite(label.Score) || label.Score is < 0f or > 1f))
            {
                throw new ModelBundleException($"{model.Directory}: the bundle failed its canary posts (scores missing or outside 0..1)");
            }
        }
    }

    // A task whose failure no longer matters (an earlier check failed): observe it, so it is not reported as unobserved.
    private static void Observe(Task? task) =>
        task?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
