using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.Tests.Adaptation;

/// <summary>
/// Synthetic posts for the adaptation tests: a base corpus where chain-message wording is a hoax and "konon katanya"
/// gossip is harmless, and a community where such gossip is how hoaxes spread (the shift adapt has to learn).
/// </summary>
internal static class CommunityPosts
{
    private static readonly string[] Topics = ["vaksin", "bansos", "pemilu", "banjir", "listrik", "beras", "gempa", "sekolah", "jalan tol", "pajak", "bbm", "rumah sakit"];
    private static readonly string[] Places = ["bandung", "medan", "surabaya", "makassar", "padang", "semarang", "palu", "kupang", "ambon", "pontianak", "jambi", "bogor", "solo", "malang"];

    public static IEnumerable<(string Text, int Hoax, int Abusive)> Base()
    {
        for (var i = 0; i < 70; i++)
        {
            yield return ($"SEBARKAN!! {Topic(i)} di {Place(i)} ternyata berbahaya, viral di grup sebelah nomor {i}", 1, 0);
        }

        for (var i = 0; i < 110; i++)
        {
            yield return ($"pemerintah kota {Place(i)} membuka layanan {Topic(i + 3)} baru pekan ini, antrean ke {i}", 0, 0);
        }

        for (var i = 0; i < 30; i++)
        {
            yield return ($"konon katanya warung {Place(i + 5)} paling enak soal {Topic(i + 1)}, coba deh yang ke {i}", 0, 0);
        }

        for (var i = 0; i < 40; i++)
        {
            yield return ($"dasar goblok kamu {Place(i + 2)} bodoh banget urusan {Topic(i + 7)} sampai {i} kali", 0, 1);
        }
    }

    /// <summary>The community's posts: gossip-style hoaxes and official-report negatives, a few abusive ones.</summary>
    public static IEnumerable<(string Text, int Hoax, int Abusive)> Community(int count, int offset)
    {
        for (var j = 0; j < count; j++)
        {
            var i = j + offset;
            yield return j % 2 == 0
                ? ($"konon katanya {Topic(i)} di {Place(i + 1)} dibatalkan diam-diam, kata orang dalam nomor {i}", 1, 0)
                : j % 20 == 1
                    ? ($"goblok amat laporan {Topic(i)} {Place(i)} ini, bodoh nomor {i}", 0, 1)
                    : ($"menurut laporan resmi dinas {Place(i + 2)}, layanan {Topic(i + 4)} berjalan normal hari ke {i}", 0, 0);
        }
    }

    public static string Write(string path, IEnumerable<(string Text, int Hoax, int Abusive)> posts)
    {
        File.WriteAllLines(path, ["text,hoax,abusive", .. posts.Select(p => $"{CsvText.Escape(p.Text)},{p.Hoax},{p.Abusive}")]);
        return path;
    }

    private static string Topic(int i) => Topics[i % Topics.Length];

    private static string Place(int i) => Places[i * 7 % Places.Length];
}
