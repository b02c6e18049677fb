using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.TermLists;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>
/// termlists [--model models/default] [--out bench/results/termlists.md] [--seed 7]: issue 25's two term-list targets.
/// Recall: every term of a 1,000-term list, set in a sentence and disguised by the robustness obfuscator with each of
/// its disguises in turn, must be found by <see cref="TermListMatcher"/> at the characters of the disguised word
/// (target ≥ 99 %). Cost: five lists of 1,000 terms matched against every post of data/posts.csv, one call per post
/// on one thread after a warm-up, p50 and p90 per call (target ≤ 10 µs p50), beside normalising alone.
/// </summary>
public sealed class TermListsCommand : Command
{
    private const int ListCount = 5;
    private const int TermsPerList = 1_000;

    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the bundle whose normaliser and vocabulary the lists use (default: models/default)");

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", "the report (default: bench/results/termlists.md)");

    private readonly Option<int> _seed = CliOptions.WholeNumber(
        "--seed", "N", "the obfuscator's seed", RobustnessCommand.DefaultSeed, min: 0, max: int.MaxValue);

    public TermListsCommand(TextWriter stdout, TextWriter stderr)
        : base("termlists", "Term lists: share of disguised terms found (target >= 99 %) and the cost of matching five 1,000-term lists per post (target <= 10 µs p50).")
    {
        Add(_model);
        Add(_out);
        Add(_seed);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var bundle = args.GetValue(_model) ?? Path.Combine(BenchPaths.Root, "models", "default");
        var output = args.GetValue(_out) ?? Path.Combine(BenchPaths.Root, "bench", "results", "termlists.md");
        var seed = args.GetValue(_seed);
        var normalizer = TextNormalizer.ForBundle(bundle, ModelBundle.ReadManifest(bundle).Normalizer);
        var lists = Lists(normalizer);
        var matcher = TermListMatcher.ForLists(lists, normalizer);
        stderr.WriteLine($"[termlists] {lists.Count} lists, {matcher.TermCount:N0} terms");

        var recall = Recall(matcher, lists[0], seed);
        var posts = ReadPosts(Path.Combine(BenchPaths.Root, "data", "posts.csv"));
        var ((matchP50, matchP90, matched), (normP50, normP90, _)) = Interleaved(
            posts, text => matcher.Match(text).Count, text => normalizer.Normalize(text).Length > 0 ? 0 : 1);

        var md = new StringBuilder();
        md.AppendLine("# Term lists: disguised terms found, and the cost per post").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run --project bench/HoaxScreen.Bench -c Release -- termlists`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; normaliser of `{Path.GetFileName(bundle)}`; seed {seed}.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Lists: {ListCount} of {TermsPerList:N0} terms each, drawn from the bundle's vocabulary words of 4+ letters (one list also its watchwords, one two-word names), {matcher.TermCount:N0} terms in all.").AppendLine();
        md.AppendLine("## Disguised terms found").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each of the first list's {lists[0].Terms.Count:N0} terms in the post \"@USER TERM 😡😡\", disguised by `Obfuscator` with one disguise at a time (a disguise that does not change the term is skipped); found = a match of that list whose span covers the disguised term.").AppendLine();
        md.AppendLine("| disguise | variants | found | share |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (kind, total, found) in recall)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {total:N0} | {found:N0} | {100.0 * found / Math.Max(1, total):F2} % |");
        }

        var all = recall.Sum(r => r.Total);
        var allFound = recall.Sum(r => r.Found);
        var share = 100.0 * allFound / Math.Max(1, all);
        md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {all:N0} | {allFound:N0} | **{share:F2} %** |").AppendLine();
        md.AppendLine("## Cost per post").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Every post of data/posts.csv ({posts.Count:N0}), one call at a time on one thread, after a 1 s warm-up of each; {Passes} passes of each, the two alternating with a collection before each pass, so a noisy moment hits both; the median over the passes of each pass's p50 and p90; {matched:N0} matches per pass.").AppendLine();
        md.AppendLine("| step | p50 µs | p90 µs |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| match five lists (analyse the post + look up every word) | {matchP50:F1} | {matchP90:F1} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| peer: normalise alone (what scoring does anyway) | {normP50:F1} | {normP90:F1} |").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Disguised variants found: {share:F2} %, target ≥ 99 %: **{(share >= 99 ? "met" : "missed")}**.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Five lists of 1,000 terms: {matchP50:F1} µs p50 per post, target ≤ 10 µs: **{(matchP50 <= 10 ? "met" : "missed")}**.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, md.ToString());
        stdout.Write(md.ToString());
        return 0;
    }

    private static List<TermList> Lists(TextNormalizer normalizer)
    {
        var words = normalizer.Lexicon.Vocabulary.Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower)).Order(StringComparer.Ordinal).ToList();
        var watch = normalizer.Lexicon.Watchwords.Where(w => w.All(char.IsAsciiLetterLower)).ToList();
        var random = new Random(20261206);
        var shuffled = words.OrderBy(_ => random.Next()).ToList();
        var lists = new List<TermList>();
        var first = watch.Concat(shuffled.Where(w => !watch.Contains(w))).Take(TermsPerList).ToList();
        lists.Add(new TermList("watch", first, Flag: true));
        var rest = shuffled.Where(w => !first.Contains(w)).ToList();
        for (var l = 1; l < ListCount; l++)
        {
            var terms = rest.Skip((l - 1) * TermsPerList).Take(TermsPerList).ToList();
            if (l == ListCount - 1)
            {
                // Two-word names, as candidate lists hold.
                terms = [.. terms.Select((t, i) => i % 2 == 0 && i + 1 < terms.Count ? $"{t} {terms[i + 1]}" : t)];
            }

            lists.Add(new TermList($"list{l}", terms, Flag: false));
        }

        return lists;
    }

    private static List<(string Kind, int Total, int Found)> Recall(TermListMatcher matcher, TermList list, int seed)
    {
        var results = new List<(string, int, int)>();
        foreach (var kind in Enum.GetValues<Disguise>())
        {
            var obfuscator = new Obfuscator(matcher.Normalizer.Lexicon, seed, kind);
            int total = 0, found = 0;
            foreach (var term in list.Terms)
            {
                // Only a mention and emoji around the term, which the obfuscator leaves alone, so the term's span is known.
                const string before = "@USER ";
                var post = before + term + " 😡😡";
                var disguised = obfuscator.Obfuscate(post).Text;
                if (disguised == post || !disguised.StartsWith(before, StringComparison.Ordinal))
                {
                    continue;
                }

                var end = disguised.LastIndexOf(" 😡😡", StringComparison.Ordinal);
                total++;
                var span = (Start: before.Length, End: end);
                if (matcher.Match(disguised).Any(m => m.List == list.Name && m.Start <= span.Start + 1 && m.Start + m.Length >= span.End - 1))
                {
                    found++;
                }
            }

            results.Add((kind.ToString(), total, found));
        }

        return results;
    }

    private const int Passes = 7;

    // The shared machine's load changes from second to second: alternating passes of the step and its peer, and taking
    // the median pass, compares them under the same conditions instead of one after the other.
    private static ((double P50, double P90, long Matches) Step, (double P50, double P90, long Matches) Peer) Interleaved(
        List<string> posts, Func<string, int> step, Func<string, int> peer)
    {
        WarmUp(posts, step);
        WarmUp(posts, peer);
        var stepPasses = new List<(double, double, long)>();
        var peerPasses = new List<(double, double, long)>();
        for (var pass = 0; pass < Passes; pass++)
        {
            stepPasses.Add(Pass(posts, step));
            peerPasses.Add(Pass(posts, peer));
        }

        return (MedianPass(stepPasses), MedianPass(peerPasses));
    }

    private static void WarmUp(List<string> posts, Func<string, int> call)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed.TotalSeconds < 1; i++)
        {
            call(posts[i % posts.Count]);
        }
    }

    private static (double P50, double P90, long Matches) Pass(List<string> posts, Func<string, int> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var samples = new double[posts.Count];
        long matches = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            matches += call(posts[i]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[samples.Length * 9 / 10], matches);
    }

    private static (double P50, double P90, long Matches) MedianPass(List<(double P50, double P90, long Matches)> passes) =>
        (passes.Select(p => p.P50).Order().ElementAt(passes.Count / 2), passes.Select(p => p.P90).Order().ElementAt(passes.Count / 2), passes[0].Matches);

    private static List<string> ReadPosts(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        var text = Array.IndexOf(header, "text");
        var posts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            posts.Add(record[text]);
        }

        return posts;
    }
}
