using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Claims.Reference;

/// <summary>
/// Real committed data for the matcher's equality tests, through the default bundle's normaliser: the team's claims
/// (data/claims/claims.csv), the posts of data/claims/pairs.csv and the claims' circulated texts, and a large store
/// made from them (the committed claims plus headlines drawn, seeded, from their words by frequency), large enough
/// that common words take the index's common-word path.
/// </summary>
internal static class CommittedMatchingData
{
    private static readonly Lazy<TextNormalizer> LazyNormalizer = new(() =>
        TextNormalizer.ForBundle(RepoPaths.DefaultModel, ModelBundle.ReadManifest(RepoPaths.DefaultModel).Normalizer));

    private static readonly Lazy<IReadOnlyList<FactCheck>> LazyClaims = new(() =>
        ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims);

    private static readonly Lazy<string[]> LazyClaimTexts = new(() => [.. LazyClaims.Value.Select(c => Normalizer.Normalize(c.Claim))]);

    private static readonly Lazy<string[]> LazyPosts = new(() =>
    {
        var posts = new List<string>();
        using (var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "claims", "pairs.csv")))
        {
            var header = reader.ReadRecord() ?? throw new InvalidDataException("pairs.csv: empty");
            var post = Array.IndexOf(header, "post");
            while (reader.ReadRecord() is { } record)
            {
                posts.Add(record[post]);
            }
        }

        posts.AddRange(LazyClaims.Value.Select(c => c.Text).OfType<string>());
        return [.. posts.Select(Normalizer.Normalize)];
    });

    public static TextNormalizer Normalizer => LazyNormalizer.Value;

    /// <summary>The committed claims' normalised headlines, in file order.</summary>
    public static string[] ClaimTexts => LazyClaimTexts.Value;

    /// <summary>The normalised posts of pairs.csv followed by the claims' circulated texts.</summary>
    public static string[] Posts => LazyPosts.Value;

    /// <summary>The committed claims, then <paramref name="generated"/> headlines of 6 to 14 words drawn from the words of the claims and posts.</summary>
    public static (string Id, string NormalizedText)[] LargeStore(int generated, int seed = 23)
    {
        var words = ClaimTexts.Concat(Posts).SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(seed);
        var store = ClaimTexts.Select((t, i) => ($"tc-{i}", t)).ToList();
        for (var i = 0; i < generated; i++)
        {
            var length = random.Next(6, 15);
            store.Add(($"gen-{i}", string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]))));
        }

        return [.. store];
    }
}
