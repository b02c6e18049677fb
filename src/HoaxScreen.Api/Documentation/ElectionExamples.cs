using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Election-watch examples (README, election monitoring): a civil servant sharing a campaign post, and the term lists an
/// office keeps. The pair Bima Santosa – Rara Lestari and Kabupaten Sagara are invented, so no example names a real candidate.
/// </summary>
public static class ElectionExamples
{
    /// <summary>A campaign post for the invented pair, as a civil servant would pass it on.</summary>
    public const string CampaignPostText =
        "Ayo bapak ibu, 27 November coblos nomor 2 Bima Santosa – Rara Lestari! Bersama Bang Bima dan Mbak Rara, " +
        "Kabupaten Sagara makin maju 💪 #BiRaMenang";

    /// <summary>Slurs from the <c>kata-kasar-lokal</c> list, spelled to dodge filters (spaced letters, leetspeak).</summary>
    public const string DisguisedSlursText = "Jangan pilih yg k a f i r, pendukungnya c3b0ng semua";

    /// <summary>The list of the invented pair's names and nicknames: matches are reported, never flagged.</summary>
    public const string CandidateListName = "kandidat-sagara";

    /// <summary>The list of slurs: a match flags the post.</summary>
    public const string SlurListName = "kata-kasar-lokal";

    public static NamedExample AsnSharesCampaign { get; } = new(
        "asnSharesCampaign", "ASN membagikan postingan kampanye (netralitas ASN)",
        "A civil servant (`author.role` asn) shares (`context.action` share) a campaign post of an invented pair. The " +
        "shipped bundles score the `campaign` label, so the shipped rules answer the `asn_neutrality` risk; with the " +
        $"`{CandidateListName}` term list stored (PUT /admin/termlists example), `termMatches` lists the pair's names.",
        new JsonObject
        {
            ["text"] = CampaignPostText,
            ["id"] = "share-0005",
            ["author"] = new JsonObject { ["role"] = "asn" },
            ["context"] = new JsonObject { ["action"] = "share" },
        });

    public static NamedExample TermListMatch { get; } = new(
        "termListMatch", "Istilah daftar kata, ejaan tersamar (term-list match)",
        $"Slurs spelled to dodge filters (k a f i r, c3b0ng). With the `{SlurListName}` term list stored (PUT " +
        "/admin/termlists example; needs `TermLists:Path`), `termMatches` gives each list, term and its place in this text, " +
        "and the list's `flag: true` flags the post. While term lists are off, `termMatches` is absent.",
        new JsonObject { ["text"] = DisguisedSlursText, ["id"] = "comment-0006" });

    /// <summary>The same campaign post from a civil servant and from the public: risks are per item.</summary>
    public static NamedExample Batch { get; } = new(
        "electionWatch", "Postingan kampanye: dari ASN dan dari warga",
        "The campaign post shared by a civil servant and posted by a member of the public: only the first can carry the " +
        "`asn_neutrality` risk.",
        new JsonObject
        {
            ["items"] = new JsonArray(
                AsnSharesCampaign.Value.DeepClone(),
                new JsonObject
                {
                    ["id"] = "post-0007",
                    ["text"] = CampaignPostText,
                    ["author"] = new JsonObject { ["role"] = "public" },
                    ["context"] = new JsonObject { ["action"] = "post" },
                }),
        });

    /// <summary>
    /// Named examples for <c>PUT /admin/termlists/{name}</c>; each key is the list name to send it under (the route's
    /// <c>name</c> example is the first).
    /// </summary>
    public static IReadOnlyList<NamedExample> TermLists { get; } =
    [
        new(CandidateListName, "Nama dan julukan paslon (hanya dilaporkan)",
            $"PUT to /admin/termlists/{CandidateListName}: the invented pair's names and nicknames. `flag: false`, so a " +
            "post naming them is only reported in `termMatches` (a risk rule can read the list with `anyOf.termLists`).",
            new JsonObject
            {
                ["terms"] = new JsonArray("Bima Santosa", "Rara Lestari", "Bang Bima", "Mbak Rara", "BiRa"),
                ["flag"] = false,
            }),
        new(SlurListName, "Kata kasar lokal (menandai postingan)",
            $"PUT to /admin/termlists/{SlurListName}: slurs in their plain spelling; disguised spellings (k a f i r, c3b0ng) " +
            "match them. `flag: true`, so a post holding any of them is flagged.",
            new JsonObject { ["terms"] = new JsonArray("kafir", "cebong", "kadrun"), ["flag"] = true }),
    ];
}
