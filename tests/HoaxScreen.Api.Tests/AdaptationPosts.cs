using HoaxScreen.Api.Feedback;
using HoaxScreen.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// A community's moderators' decisions on hoax: there, "konon katanya … dibatalkan diam-diam" gossip is how hoaxes spread
/// and official reports are not hoaxes (the shift an adaptation job has to learn). Written straight into the store.
/// </summary>
internal static class AdaptationPosts
{
    private static readonly string[] Topics = ["vaksin", "bansos", "pemilu", "banjir", "listrik", "beras", "gempa", "sekolah", "jalan tol", "pajak"];
    private static readonly string[] Places = ["bandung", "medan", "surabaya", "makassar", "padang", "semarang", "palu", "kupang", "ambon", "jambi", "bogor"];

    public static string Gossip(int i) => $"konon katanya {Topics[i % Topics.Length]} di {Places[i * 7 % Places.Length]} dibatalkan diam-diam, kata orang dalam nomor {i}";

    public static string Report(int i) => $"menurut laporan resmi dinas {Places[i * 3 % Places.Length]}, layanan {Topics[(i + 4) % Topics.Length]} berjalan normal hari ke {i}";

    /// <summary>Stores <paramref name="positives"/> gossip hoaxes and <paramref name="negatives"/> reports judged on hoax alone, numbered from <paramref name="offset"/>.</summary>
    public static void Store(IServiceProvider services, int positives, int negatives, int offset = 0)
    {
        var store = services.GetRequiredService<FeedbackStoreHolder>().Store!;
        var none = new Dictionary<string, ModelJudgement>();
        for (var i = 0; i < positives; i++)
        {
            store.Add(new NewFeedback(Gossip(offset + i), new Dictionary<string, bool> { ["hoax"] = true }), "test", none);
        }

        for (var i = 0; i < negatives; i++)
        {
            store.Add(new NewFeedback(Report(offset + i), new Dictionary<string, bool> { ["hoax"] = false }), "test", none);
        }
    }
}
