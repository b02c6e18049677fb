using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// <c>explain</c> on /v1/screen and /v1/screen/batch. The default model is retrained from time to time, so tests use clearly
/// abusive posts, check that the response flags the label they need before looking at its explanation, and otherwise assert
/// only what holds for any model (spans, order, signs, which labels are explained).
/// </summary>
[TestFixture]
public sealed class ExplainEndpointTests : ApiFixture
{
    private const string AbusiveText = "dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!";
    private const string CleanText = "Selamat pagi warga, TPS 12 buka jam 07.00. Jangan lupa bawa KTP dan surat undangan ya.";


    [Test]
    public async Task Screen_ExplainFalse_HasNoExplanationsProperty()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explain"] = false });

        Assert.That(body.ContainsKey("explanations"), Is.False, body.ToJsonString());
    }

    [Test]
    public async Task Screen_ExplainOmitted_HasNoExplanationsProperty()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText });

        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "id", "model", "flagged", "labels", "risks" }));
            Assert.That(body.ContainsKey("explanations"), Is.False);
        });
    }

    [Test]
    public async Task Screen_ExplainOnAbusivePost_ExplainsExactlyTheFlaggedLabels()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explain"] = true });
        var flagged = FlaggedLabels(body);
        Assert.That(flagged, Is.Not.Empty, "precondition: the served model flags nothing in a clearly abusive post");

        var explanations = body["explanations"]!.AsObject();
        Assert.That(explanations.Select(e => e.Key), Is.EqualTo(flagged), "explained labels, in model order");
        Assert.That(explanations.Sum(e => e.Value!.AsArray().Count), Is.GreaterThan(0), "no words at all for a flagged post");
    }

    [Test]
    public async Task Screen_ExplainOnAbusivePost_WordsAreOriginalSubstringsWithDescendingPositiveWeights()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        foreach (var (label, node) in body["explanations"]!.AsObject())
        {
            var words = node!.AsArray().Select(w => Word.From(w!)).ToList();
            Assert.Multiple(() =>
            {
                foreach (var word in words)
                {
                    Assert.That(word.Start, Is.InRange(0, AbusiveText.Length - 1), $"{label}: {word}");
                    Assert.That(word.Length, Is.InRange(1, AbusiveText.Length - word.Start), $"{label}: {word}");
                    Assert.That(word.Text, Is.EqualTo(AbusiveText.Substring(word.Start, word.Length)), label);
                    Assert.That(word.Weight, Is.GreaterThan(0), $"{label}: {word}");
                }

                Assert.That(words.Select(w => w.Weight), Is.Ordered.Descending, label);
                Assert.That(words, Has.Count.LessThanOrEqualTo(20), label);
            });
        }
    }

    [Test]
    public async Task Screen_ExplainOnAbusivePost_SwearWordsDriveTheAbusiveLabel()
    {
        // Short on purpose: every extra swear word pushes the score closer to 1, where occlusion has nothing to measure.
        const string text = "bacot lu anjing";
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["topWords"] = 20 });
        var abusive = body["labels"]!["abusive"]!;
        Assert.That(abusive["flagged"]!.GetValue<bool>(), Is.True, "precondition: the served model does not flag a clearly abusive post");
        Assume.That(abusive["score"]!.GetValue<double>(), Is.LessThan(1.0),
            "the abusive score is saturated at 1 in single precision, so leaving out one word cannot lower it (a known limit of occlusion)");

        var words = body["explanations"]!["abusive"]!.AsArray().Select(w => Word.From(w!).Text).ToList();

        Assert.That(words, Has.Some.AnyOf("bacot", "anjing"), string.Join(", ", words));
    }

    [Test]
    public async Task Screen_ExplainOnCleanPost_ReturnsExplanationsForFlaggedLabelsOnly()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = CleanText, ["explain"] = true });

        Assert.That(body["explanations"]!.AsObject().Select(e => e.Key), Is.EqualTo(FlaggedLabels(body)));
    }

    [Test]
    public async Task Screen_ExplainAllLabels_ExplainsEveryModelLabelInModelOrder()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = CleanText, ["explain"] = true, ["explainAllLabels"] = true });
        var labels = Factory.Services.GetRequiredService<ModelHolder>().Current.Model.Labels;

        Assert.That(body["explanations"]!.AsObject().Select(e => e.Key), Is.EqualTo(labels));
    }

    [Test]
    public async Task Screen_ExplainAllLabelsWithoutExplain_HasNoExplanationsProperty()
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explainAllLabels"] = true });

        Assert.That(body.ContainsKey("explanations"), Is.False);
    }

    [TestCase(1)]
    [TestCase(2)]
    public async Task Screen_TopWords_CapsWordsPerLabel(int topWords)
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = topWords });

        Assert.That(body["explanations"]!.AsObject().Select(e => e.Value!.AsArray().Count), Has.All.LessThanOrEqualTo(topWords));
    }

    [Test]
    public async Task Screen_Explain_ScoresEqualPlainScores()
    {
        var plain = HttpTestExtensions.Scores(await ScreenAsync(new JsonObject { ["text"] = AbusiveText }));
        var explained = HttpTestExtensions.Scores(await ScreenAsync(new JsonObject { ["text"] = AbusiveText, ["explain"] = true }));

        Assert.That(explained, Is.EquivalentTo(plain));
    }

    [TestCase("dasar a*jing lu, b4b1 😡", "a*jing")]
    [TestCase("dasar a*jing lu, b4b1 😡", "b4b1")]
    [TestCase("dasar k a f i r laknat, usir aja dari kampung ini", "k a f i r")]
    [TestCase("KAFIIIRRR semua, b4b1 lu!!!", "b4b1")]
    public async Task Screen_ObfuscatedWord_SpanCoversExactlyTheObfuscatedCharacters(string text, string obfuscated)
    {
        var start = text.IndexOf(obfuscated, StringComparison.Ordinal);
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        var overlapping = body["explanations"]!.AsObject()
            .SelectMany(e => e.Value!.AsArray().SelectMany(w => Word.From(w!).Spans))
            .Where(s => s.Start < start + obfuscated.Length && start < s.Start + s.Length)
            .ToList();

        Assert.That(overlapping, Is.Not.Empty, $"'{obfuscated}' raises no label's score: {body["explanations"]!.ToJsonString()}");
        Assert.That(overlapping, Has.All.EqualTo((start, obfuscated.Length)));
    }

    [TestCase("dasar a*jing lu, b4b1, dasar anjing", new[] { "a*jing", "anjing" })]
    [TestCase("dasar k a f i r laknat, k.a.f.i.r semua, usir kafir", new[] { "k a f i r", "k.a.f.i.r", "kafir" })]
    public async Task Screen_DisguisedAndPlainSpellingsOfOneWord_OneEntryWithEachSpellingAsWritten(string text, string[] spellings)
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        var entries = AllWords(body).Where(w => w.Spans.Any(s => s.Start == text.IndexOf(spellings[0], StringComparison.Ordinal))).ToList();

        Assert.That(entries, Is.Not.Empty, $"'{spellings[0]}' raises no label's score: {body["explanations"]!.ToJsonString()}");
        Assert.Multiple(() =>
        {
            foreach (var entry in entries)
            {
                Assert.That(entry.Spans.Select(s => text.Substring(s.Start, s.Length)), Is.EqualTo(spellings), entry.ToString());
                Assert.That(entry.Text, Is.EqualTo(spellings[0]), entry.ToString());
            }
        });
    }

    [Test]
    public async Task Screen_RepeatedTriggerWord_OneEntryWithEveryOccurrence()
    {
        const string text = "anjing lo anjing banget, dasar anjing";
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["topWords"] = 20 });
        Assert.That(body["labels"]!["abusive"]!["flagged"]!.GetValue<bool>(), Is.True, "precondition: the served model does not flag a clearly abusive post");

        var anjing = body["explanations"]!["abusive"]!.AsArray().Select(w => Word.From(w!)).Where(w => w.Text == "anjing").ToList();

        Assert.That(anjing, Has.Count.EqualTo(1), body["explanations"]!.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(anjing[0].Spans, Is.EqualTo(new[] { (0, 6), (10, 6), (31, 6) }));
            Assert.That(anjing[0].Count, Is.EqualTo(3));
            Assert.That((anjing[0].Start, anjing[0].Length), Is.EqualTo((0, 6)));
        });
    }

    [TestCase(AbusiveText)]
    [TestCase("anjing anjing anjing lo lo lo, dasar anjing lo anjing")]
    [TestCase("orang cina itu semua penipu, usir dari sini, orang cina pembohong, usir orang cina")]
    [TestCase("INFO PENTING!!! info dari orang dalam: sebarkan info ini ke semua grup sebelum dihapus, info valid 🙏🙏 info")]
    public async Task Screen_TwentyTopWords_EachWordOnceWithDisjointOrderedSpans(string text)
    {
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        Assert.Multiple(() =>
        {
            foreach (var (label, node) in body["explanations"]!.AsObject())
            {
                var words = node!.AsArray().Select(w => Word.From(w!)).ToList();
                Assert.That(words.Select(w => w.Text.ToLowerInvariant()), Is.Unique, $"{label}: {string.Join(", ", words)}");
                Assert.That(words.SelectMany(w => w.Spans), Is.Unique, label);
                foreach (var word in words)
                {
                    Assert.That(word.Spans, Is.Not.Empty, $"{label}: {word}");
                    Assert.That(word.Count, Is.EqualTo(word.Spans.Count), $"{label}: {word}");
                    Assert.That(word.Spans[0], Is.EqualTo((word.Start, word.Length)), $"{label}: {word}");
                    Assert.That(word.Spans.Select(s => s.Start), Is.Ordered.Ascending, $"{label}: {word}");
                    foreach (var span in word.Spans)
                    {
                        Assert.That(span.Start, Is.InRange(0, text.Length - 1), $"{label}: {word}");
                        Assert.That(span.Length, Is.InRange(1, text.Length - span.Start), $"{label}: {word}");
                        Assert.That(text.Substring(span.Start, span.Length).ToLowerInvariant(), Is.EqualTo(word.Text.ToLowerInvariant()), $"{label}: {word}");
                    }
                }
            }
        });
    }

    [TestCase("orang cina itu semua penipu, usir dari sini, orang cina pembohong")]
    [TestCase("INFO PENTING!!! Sebarkan ke semua grup WA sebelum dihapus. Kata orang dalam KPU, KTP lama tidak berlaku")]
    [TestCase(AbusiveText)]
    public async Task Screen_FunctionWordListed_OutweighsEveryListedContentWordByHalfAgain(string text)
    {
        // Posts like those in the report that found "orang", "dari", "itu", "info" and "lu" leading the lists.
        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        Assert.Multiple(() =>
        {
            foreach (var (label, node) in body["explanations"]!.AsObject())
            {
                var words = node!.AsArray().Select(w => Word.From(w!)).ToList();
                var bestContent = words.Where(w => !IsFunctionWord(w)).Select(w => w.Weight).DefaultIfEmpty(0).Max();
                foreach (var word in words.Where(IsFunctionWord))
                {
                    Assert.That(word.Weight, Is.GreaterThanOrEqualTo((1.5 * bestContent) - 1e-3), $"{label}: {string.Join(", ", words)}");
                }
            }
        });
    }

    [Test]
    public async Task Screen_PostWithEmoji_OffsetsCountUtf16CodeUnits()
    {
        const string text = "😡😡 dasar goblok lu anjing 😡";

        var body = await ScreenAsync(new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true, ["topWords"] = 20 });

        Assert.Multiple(() =>
        {
            foreach (var word in body["explanations"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(w => Word.From(w!))))
            {
                Assert.That(word.Text, Is.EqualTo(text.Substring(word.Start, word.Length)), word.ToString());
            }
        });
    }

    [Test]
    public async Task ScreenBatch_OneItemExplained_OnlyThatItemHasExplanations()
    {
        var items = new JsonArray(
            new JsonObject { ["id"] = "a", ["text"] = CleanText },
            new JsonObject { ["id"] = "b", ["text"] = AbusiveText, ["explain"] = true, ["explainAllLabels"] = true },
            new JsonObject { ["id"] = "c", ["text"] = AbusiveText },
            new JsonObject { ["id"] = "d", ["text"] = "halo semua, apa kabar?" });
        var labels = Factory.Services.GetRequiredService<ModelHolder>().Current.Model.Labels;

        var body = await ScreenBatchAsync(items);
        var results = body["results"]!.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r["id"]!.GetValue<string>()), Is.EqualTo(new[] { "a", "b", "c", "d" }));
            Assert.That(results.Select(r => r.ContainsKey("explanations")), Is.EqualTo(new[] { false, true, false, false }));
            Assert.That(results[1]["explanations"]!.AsObject().Select(e => e.Key), Is.EqualTo(labels));
            Assert.That(results.Select(r => r["model"]!.GetValue<string>()), Has.All.EqualTo(body["model"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task ScreenBatch_ExplainedAndPlainItems_ScoresEqualSinglePostScores()
    {
        var texts = new[] { AbusiveText, CleanText, "dasar a*jing lu, b4b1 😡", "BREAKING!!! vaksin mengandung chip 5G, sebarkan sebelum dihapus!!" };
        var items = new JsonArray([.. texts.Select((text, i) => (JsonNode)new JsonObject { ["text"] = text, ["explain"] = i % 2 == 0 })]);

        var body = await ScreenBatchAsync(items);
        var results = body["results"]!.AsArray().Select(r => r!.AsObject()).ToList();

        for (var i = 0; i < texts.Length; i++)
        {
            var single = await Client.ScoresAsync(texts[i]);
            var batch = HttpTestExtensions.Scores(results[i]);
            Assert.That(batch.Keys, Is.EqualTo(single.Keys), texts[i]);
            foreach (var (label, score) in single)
            {
                Assert.That(batch[label], Is.EqualTo(score).Within(1e-5), $"{label} of item {i}");
            }
        }
    }

    [Test]
    public async Task ScreenBatch_ExplainedItem_MatchesSinglePostExplanation()
    {
        var request = new JsonObject { ["text"] = AbusiveText, ["explain"] = true, ["topWords"] = 7 };

        var single = await ScreenAsync(request.DeepClone());
        var batch = await ScreenBatchAsync(new JsonArray(new JsonObject { ["text"] = CleanText }, request.DeepClone()));

        Assert.That(JsonNode.DeepEquals(batch["results"]![1]!["explanations"], single["explanations"]), Is.True,
            $"batch {batch["results"]![1]!["explanations"]!.ToJsonString()} vs single {single["explanations"]!.ToJsonString()}");
    }

    private static IReadOnlyList<string> FlaggedLabels(JsonObject body) =>
        [.. body["labels"]!.AsObject().Where(l => l.Value!["flagged"]!.GetValue<bool>()).Select(l => l.Key)];

    // The served bundle's lexicon maps slang (lu → kamu) before the list is consulted; the spellings in these posts are
    // standard or on the list themselves.
    private static bool IsFunctionWord(Word word) => FunctionWords.Contains(word.Text.ToLowerInvariant());

    private static IEnumerable<Word> AllWords(JsonObject body) =>
        body["explanations"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(w => Word.From(w!)));

    private async Task<JsonObject> ScreenAsync(JsonNode request)
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private async Task<JsonObject> ScreenBatchAsync(JsonArray items)
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private sealed record Word(string Text, int Start, int Length, double Weight)
    {
        public int Count { get; init; } = 1;

        public IReadOnlyList<(int Start, int Length)> Spans { get; init; } = [];

        public static Word From(JsonNode node) => new(
            node["text"]!.GetValue<string>(), node["start"]!.GetValue<int>(), node["length"]!.GetValue<int>(), node["weight"]!.GetValue<double>())
        {
            Count = node["count"]!.GetValue<int>(),
            Spans = [.. node["spans"]!.AsArray().Select(s => (s!["start"]!.GetValue<int>(), s["length"]!.GetValue<int>()))],
        };

        public override string ToString() => $"{Text}×{Count}@{Start}={Weight}";
    }
}
