using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Speed;

public sealed class FeaturesRow
{
    [ColumnName(ModelColumns.Features)]
    public VBuffer<float> Features { get; set; }
}

public static class MlProbe
{
    public static int Run(TextWriter stdout)
    {
        var ml = new MLContext(1);
        var t = ml.Model.Load(Path.Combine(SpeedPaths.DefaultModel, "model.zip"), out _);
        void Dump(ITransformer x, string indent)
        {
            stdout.WriteLine(indent + x.GetType().FullName);
            if (x is IEnumerable<ITransformer> chain)
            {
                foreach (var c in chain) Dump(c, indent + "  ");
            }
        }
        Dump(t, "");
        var schema = t.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<PostInput>()).Schema);
        foreach (var c in schema) stdout.WriteLine($"  col {c.Name} {c.Type} hidden={c.IsHidden}");
        var model = HoaxScreen.Core.Scoring.ScoringModel.Load(SpeedPaths.DefaultModel);
        var feat = ml.Model.CreatePredictionEngine<PostInput, FeaturesRow>(t);
        var full = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(t);
        var parts = ((IEnumerable<ITransformer>)t).ToArray();
        var featurizer = parts[0];
        var rest = new TransformerChain<ITransformer>(parts[1..]);
        var size = ((VectorDataViewType)schema[ModelColumns.Features].Type).Size;
        var def = Microsoft.ML.Data.SchemaDefinition.Create(typeof(FeaturesRow));
        def[ModelColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var feat1 = ml.Model.CreatePredictionEngine<PostInput, FeaturesRow>(featurizer);
        var cls = ml.Model.CreatePredictionEngine<FeaturesRow, PostProbabilities>(rest, inputSchemaDefinition: def);
        var calls = 0;
        var outDef = Microsoft.ML.Data.SchemaDefinition.Create(typeof(FeaturesRow));
        outDef[ModelColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var inDef = Microsoft.ML.Data.SchemaDefinition.Create(typeof(FeaturesRow));
        inDef[ModelColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var once = ml.Transforms.CustomMapping<FeaturesRow, FeaturesRow>((a, b) => { calls++; b.Features = a.Features; }, null, inDef, outDef)
            .Fit(featurizer.Transform(ml.Data.LoadFromEnumerable(Array.Empty<PostInput>())));
        var rewired = new TransformerChain<ITransformer>([featurizer, once, .. parts[1..]]);
        var rew = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(rewired);
        {
            var norm = Corpus.Tweets.Select(model.Normalizer.Normalize).ToArray();
            var pr = new PostProbabilities();
            var pr2 = new PostProbabilities();
            var maxDiff = 0f;
            for (var rep = 0; rep < 3; rep++)
            {
                calls = 0;
                var sw = Stopwatch.StartNew();
                foreach (var n in norm) rew.Predict(new PostInput { Text = n }, ref pr2);
                var a = sw.Elapsed.TotalMicroseconds / norm.Length;
                sw.Restart();
                foreach (var n in norm) full.Predict(new PostInput { Text = n }, ref pr);
                var b = sw.Elapsed.TotalMicroseconds / norm.Length;
                foreach (var n in norm.Take(200))
                {
                    rew.Predict(new PostInput { Text = n }, ref pr2);
                    full.Predict(new PostInput { Text = n }, ref pr);
                    for (var k = 0; k < 4; k++) { maxDiff = Math.Max(maxDiff, Math.Abs(pr.Probabilities[k] - pr2.Probabilities[k])); maxDiff = Math.Max(maxDiff, Math.Abs(pr.Margins[k] - pr2.Margins[k])); }
                }
                stdout.WriteLine($"rewired {a:F1} µs vs full {b:F1} µs; mapping calls/post {(double)calls / (norm.Length + 200):F2}; maxdiff {maxDiff}");
            }
            var batchOut = rewired.Transform(ml.Data.LoadFromEnumerable(norm.Select(n => new PostInput { Text = n })));
            var sw2 = Stopwatch.StartNew();
            calls = 0;
            var rows = ml.Data.CreateEnumerable<PostProbabilities>(batchOut, false).Count();
            stdout.WriteLine($"rewired batch transform {sw2.Elapsed.TotalMicroseconds / rows:F1} µs/post, calls/post {(double)calls / rows:F2}");
        }

        foreach (var posts in new[] { Corpus.Tweets.ToArray(), Corpus.LongPosts(256) })
        {
            var norm = posts.Select(model.Normalizer.Normalize).ToArray();
            var fr = new FeaturesRow();
            var pr = new PostProbabilities();
            var pr2 = new PostProbabilities();
            var maxDiff = 0f;
            for (var rep = 0; rep < 3; rep++)
            {
                var sw = Stopwatch.StartNew();
                double tf = 0, tc = 0;
                foreach (var n in norm)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    feat1.Predict(new PostInput { Text = n }, ref fr);
                    var t1 = Stopwatch.GetTimestamp();
                    cls.Predict(fr, ref pr2);
                    var t2 = Stopwatch.GetTimestamp();
                    tf += t1 - t0; tc += t2 - t1;
                    if (rep == 0)
                    {
                        full.Predict(new PostInput { Text = n }, ref pr);
                        for (var k = 0; k < 4; k++) { maxDiff = Math.Max(maxDiff, Math.Abs(pr.Probabilities[k] - pr2.Probabilities[k])); maxDiff = Math.Max(maxDiff, Math.Abs(pr.Margins[k] - pr2.Margins[k])); }
                    }
                }
                stdout.WriteLine($"two-stage: featurise {tf / Stopwatch.Frequency * 1e6 / norm.Length:F1} µs, classify {tc / Stopwatch.Frequency * 1e6 / norm.Length:F1} µs, maxdiff {maxDiff}");
            }
        }

        foreach (var posts in new[] { Corpus.Tweets.ToArray(), Corpus.LongPosts(256) })
        {
            var norm = posts.Select(model.Normalizer.Normalize).ToArray();
            var fr = new FeaturesRow();
            var pr = new PostProbabilities();
            for (var rep = 0; rep < 3; rep++)
            {
                var sw = Stopwatch.StartNew();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var n in norm) feat.Predict(new PostInput { Text = n }, ref fr);
                var a = sw.Elapsed.TotalMicroseconds / norm.Length;
                var ca = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMicroseconds / norm.Length;
                sw.Restart();
                cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var n in norm) full.Predict(new PostInput { Text = n }, ref pr);
                var b = sw.Elapsed.TotalMicroseconds / norm.Length;
                var cb = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMicroseconds / norm.Length;
                stdout.WriteLine($"featurise {a:F1} µs (cpu {ca:F1}), full {b:F1} µs (cpu {cb:F1}), nnz {fr.Features.GetValues().Length}");
            }
        }

        return 0;
    }
}
