using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Documentation;

/// <summary>Indonesian sample posts for Swagger; each runs as-is from "Try it out".</summary>
public static class RequestExamples
{
    public const string WhatsAppHoaxText =
        "INFO PENTING!!! Sebarkan ke semua grup WA sebelum dihapus. Kata orang dalam KPU, mulai besok KTP lama tidak berlaku " +
        "untuk mencoblos, wajib cetak ulang di kelurahan, bayar 50rb. Jangan sampai keluarga kita kehilangan hak pilih 🙏🙏🙏";

    public const string AbusiveTweetText =
        "@warganet2024 dasar goblok lu, otak udang bgt sih! bacot doang, mending diem aja anjing 😡";

    /// <summary>Abuse disguised from word filters (masked and leetspeak spellings) that the normaliser still reads.</summary>
    public const string ObfuscatedAbuseText = "dasar a*jing lu, b4b1 😡";

    public const string CleanPostText =
        "Alhamdulillah TPS 12 di kelurahan kami sudah buka jam 07.00, antrean tertib. Jangan lupa bawa KTP dan surat undangan ya.";

    /// <summary>Named examples for <c>POST /v1/screen</c>.</summary>
    public static IReadOnlyList<NamedExample> Single { get; } =
    [
        new("whatsappHoax", "Pesan berantai WhatsApp (hoaks)", "A forwarded WhatsApp chain message with a false claim about voting.",
            new JsonObject { ["text"] = WhatsAppHoaxText, ["id"] = "wa-forward-0001" }),
        new("abusiveTweet", "Tweet kasar (kata kasar)", "A tweet insulting another user with common Indonesian swear words.",
            new JsonObject { ["text"] = AbusiveTweetText, ["id"] = "tweet-0002" }),
        new("cleanPost", "Postingan biasa (bersih)", "An ordinary, harmless post about polling day.",
            new JsonObject { ["text"] = CleanPostText, ["id"] = "post-0003" }),
        new("explainObfuscated", "Kata kasar tersamar, dengan penjelasan (explain)",
            "Abuse spelled to dodge filters (a*jing, b4b1). With \"explain\": true the result also lists, per flagged label, the " +
            "words that drove the score with their start/length in the original text, so a tool can highlight them.",
            new JsonObject { ["text"] = ObfuscatedAbuseText, ["id"] = "comment-0004", ["explain"] = true, ["topWords"] = 5 }),
        ElectionExamples.AsnSharesCampaign,
        ElectionExamples.TermListMatch,
    ];

    /// <summary>Named examples for <c>POST /v1/screen/batch</c>.</summary>
    public static IReadOnlyList<NamedExample> Batch { get; } =
    [
        new("mixedBatch", "Tiga postingan sekaligus",
            "The hoax, the abusive tweet and the clean post in one batch; only the tweet asks for an explanation.",
            new JsonObject
            {
                ["items"] = new JsonArray(
                    new JsonObject { ["id"] = "wa-forward-0001", ["text"] = WhatsAppHoaxText },
                    new JsonObject { ["id"] = "tweet-0002", ["text"] = AbusiveTweetText, ["explain"] = true },
                    new JsonObject { ["id"] = "post-0003", ["text"] = CleanPostText }),
            }),
        ElectionExamples.Batch,
    ];
}

/// <summary>Examples for the known-claims routes: a post repeating a debunk of the team's claims, and small import files.</summary>
public static class ClaimExamples
{
    /// <summary>Repeats claim tc-0001 of data/claims (vaccine with pork and a tracking chip).</summary>
    public const string VaccinePost =
        "PENTING!! vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga sebelum dihapus";

    /// <summary>Named examples for <c>POST /v1/claims/search</c>.</summary>
    public static IReadOnlyList<NamedExample> Search { get; } =
    [
        new("repeatedHoax", "Pesan berantai yang mengulang hoaks lama",
            "A chain message repeating a debunked claim: with the team's claims (data/claims) loaded, the best candidate is a match.",
            new JsonObject { ["text"] = VaccinePost, ["top"] = 5 }),
    ];

    /// <summary>An import file in the canonical CSV (text/csv); its URLs are example.org placeholders.</summary>
    public const string Csv =
        "id,claim,verdict,url,publisher,published,text\n" +
        "contoh-0001,Jembatan layang Kalibata ditutup permanen mulai Senin karena retak,HOAKS,https://example.org/cek-fakta/contoh-0001,Contoh Cek Fakta,2024-02-01,\"heboh!! jembatan layang kalibata ditutup permanen mulai senin, sebarkan\"\n" +
        "contoh-0002,Pemilih wajib membawa fotokopi KTP yang dilegalisir ke TPS,SALAH,https://example.org/cek-fakta/contoh-0002,Contoh Cek Fakta,2024-02-03,\n";

    /// <summary>The same records as JSON Lines (application/x-ndjson).</summary>
    public const string JsonLines =
        "{\"id\":\"contoh-0001\",\"claim\":\"Jembatan layang Kalibata ditutup permanen mulai Senin karena retak\",\"verdict\":\"HOAKS\",\"url\":\"https://example.org/cek-fakta/contoh-0001\",\"publisher\":\"Contoh Cek Fakta\",\"published\":\"2024-02-01\"}\n" +
        "{\"id\":\"contoh-0002\",\"claim\":\"Pemilih wajib membawa fotokopi KTP yang dilegalisir ke TPS\",\"verdict\":\"SALAH\",\"url\":\"https://example.org/cek-fakta/contoh-0002\",\"publisher\":\"Contoh Cek Fakta\",\"published\":\"2024-02-03\"}\n";

    /// <summary>One schema.org ClaimReview (application/ld+json).</summary>
    public static JsonObject ClaimReview => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "ClaimReview",
        ["url"] = "https://example.org/cek-fakta/contoh-0003",
        ["claimReviewed"] = "Surat suara yang sudah dicoblos dibagikan sebelum hari pemungutan suara",
        ["datePublished"] = "2024-02-05",
        ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Contoh Cek Fakta" },
        ["reviewRating"] = new JsonObject { ["@type"] = "Rating", ["alternateName"] = "SALAH" },
    };
}

/// <summary>A request body example as it appears in the OpenAPI document.</summary>
public sealed record NamedExample(string Key, string Summary, string Description, JsonObject Value);
