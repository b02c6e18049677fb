using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// Any text is scored, whatever its characters, and on the fast path: a character that sent a post to ML.NET's row
/// pipeline made a 10 KB explain request cost seconds of CPU.
/// </summary>
public class AnyCodePointTests
{
    private static readonly string[] Bundles = ["default", "team"];

    // Every Unicode scalar value (all 17 planes, surrogates excepted) inside a short post, 64 code points per post.
    private static IEnumerable<string> PostsOfEveryCodePoint()
    {
        var builder = new StringBuilder();
        var inPost = 0;
        for (var value = 1; value <= 0x10FFFF; value++)
        {
            if (value is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            builder.Append(" kata").Append(char.ConvertFromUtf32(value)).Append("x ");
            builder.Append(char.ConvertFromUtf32(value));
            if (++inPost == 64)
            {
                yield return builder.ToString();
                builder.Clear();
                inPost = 0;
            }
        }

        yield return builder.ToString();
    }

    [TestCaseSource(nameof(Bundles))]
    public void Score_EveryCodePoint_GivesAProbabilityPerLabel(string bundle)
    {
        var model = ModelBundleLoader.Load(RepoPaths.Bundle(bundle));
        foreach (var post in PostsOfEveryCodePoint())
        {
            var normalized = model.Normalizer.Normalize(post);
            Assert.That(model.Normalizer.Analyze(post).Text, Is.EqualTo(normalized), "explanations see the text scoring sees");
            var verdict = model.ScoreNormalized(normalized);
            Assert.That(verdict.Labels.Select(l => l.Score).ToList(), Has.Count.EqualTo(model.Labels.Count).And.All.InRange(0f, 1f), post);
        }
    }
}
