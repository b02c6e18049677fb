using HoaxScreen.Core.Claims;

namespace HoaxScreen.Core.Tests.Claims;

public class ClaimImportTests
{
    private static List<FactCheck> Read(string fixture, ClaimFormat? format = null) => [.. ClaimImport.Read(ClaimFixtures.Path(fixture), format)];

    private static string ErrorOf(string fixture, ClaimFormat? format = null) =>
        Assert.Throws<ClaimImportException>(() => ClaimImport.Load(ClaimFixtures.Path(fixture), format))!.Message;

    [Test]
    public void Csv_GoodRows_ReadsEveryField()
    {
        var claims = Read("good.csv");

        Assert.That(claims.Select(c => c.Id), Is.EqualTo(new[] { "uji-1", "uji-2", "uji-3" }));
        var first = claims[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.Claim, Is.EqualTo("Minum air garam hangat menyembuhkan demam berdarah dalam sehari"));
            Assert.That(first.Verdict, Is.EqualTo("SALAH"));
            Assert.That(first.Rating, Is.EqualTo(ClaimRating.False));
            Assert.That(first.Url, Is.EqualTo("https://example.org/cek/uji-1"));
            Assert.That(first.Publisher, Is.EqualTo("Tim Uji Fakta"));
            Assert.That(first.Published, Is.EqualTo(new DateOnly(2024, 3, 5)));
            Assert.That(first.Language, Is.EqualTo("id"));
            Assert.That(first.Text, Does.StartWith("Info penting!!"));
            Assert.That(claims[1].Rating, Is.EqualTo(ClaimRating.Misleading));
            Assert.That(claims[1].Text, Is.Null, "an empty field is null");
            Assert.That(claims[2].Rating, Is.EqualTo(ClaimRating.Unproven));
            Assert.That(claims[2].Url, Is.Null);
            Assert.That(claims[2].Published, Is.Null);
        });
    }

    [TestCase("missing-id.csv", "missing-id.csv:4: missing id")]
    [TestCase("missing-claim.csv", "missing-claim.csv:3: missing claim")]
    [TestCase("bad-date.csv", "bad-date.csv:3: published '2024-13-45' is not a date (expected YYYY-MM-DD)")]
    [TestCase("broken.jsonl", "broken.jsonl:3: not valid JSON")]
    [TestCase("missing-id.jsonl", "missing-id.jsonl:2: missing id")]
    [TestCase("mafindo-bad-date.jsonl", "mafindo-bad-date.jsonl:2: tanggal '05/03/2024' is not a date")]
    [TestCase("claimreview-missing-claim.json", "claimreview-missing-claim.json: record 2: missing claimReviewed")]
    [TestCase("google-missing-url.json", "google-missing-url.json: record claims[1].claimReview[0]: missing url")]
    public void Load_BadFile_NamesFileAndLineOrRecord(string fixture, string expected)
    {
        var message = ErrorOf(fixture);

        Assert.That(message, Does.Contain(expected));
        Assert.That(message, Does.Not.Contain('\n'), "one line");
    }

    [Test]
    public void Csv_MissingIdColumn_NamesTheHeader()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-id-column.csv");
        File.WriteAllText(path, "claim,verdict\nKlaim,SALAH\n");

        Assert.That(() => ClaimImport.Load(path), Throws.TypeOf<ClaimImportException>().With.Message.Contains("no-id-column.csv:1: no 'id' column"));
    }

    [Test]
    public void Csv_SemicolonSeparated_IsDetected()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "semicolon.csv");
        File.WriteAllText(path, "id;claim;verdict\nuji-1;Klaim, dengan koma;SALAH\n");

        var claim = ClaimImport.Load(path).Claims.Single();

        Assert.That(claim.Claim, Is.EqualTo("Klaim, dengan koma"));
    }

    [Test]
    public void Csv_DuplicateIds_LastWinsAndIsCounted()
    {
        var batch = ClaimImport.Load(ClaimFixtures.Path("duplicate-ids.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Records, Is.EqualTo(3));
            Assert.That(batch.DuplicateIds, Is.EqualTo(1));
            Assert.That(batch.Claims.Select(c => c.Id), Is.EqualTo(new[] { "uji-1", "uji-2" }), "first appearance's place");
            Assert.That(batch.Claims[0].Claim, Is.EqualTo("Versi baru"));
            Assert.That(batch.Claims[0].Verdict, Is.EqualTo("HOAKS"));
        });
    }

    [Test]
    public void JsonLines_GoodRows_ReadsFieldsNumbersAndRatings()
    {
        var claims = Read("good.jsonl");

        Assert.Multiple(() =>
        {
            Assert.That(claims.Select(c => c.Id), Is.EqualTo(new[] { "uji-j1", "42", "uji-j3" }));
            Assert.That(claims[0].Rating, Is.EqualTo(ClaimRating.False));
            Assert.That(claims[0].Text, Does.StartWith("awas!!"));
            Assert.That(claims[1].Rating, Is.EqualTo(ClaimRating.Misleading), "partly true is misleading");
            Assert.That(claims[1].Published, Is.EqualTo(new DateOnly(2024, 5, 2)));
            Assert.That(claims[2].Verdict, Is.Null);
            Assert.That(claims[2].Rating, Is.EqualTo(ClaimRating.False), "a rating given directly");
        });
    }

    [Test]
    public void ClaimReview_Graph_ReadsReviewsAndSkipsOtherNodes()
    {
        var claims = Read("claimreview.json");

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(claims[0].Id, Is.EqualTo("https://example.org/cek/cr-1"), "no @id: the url");
            Assert.That(claims[0].Claim, Is.EqualTo("Gerhana matahari membuat air sumur beracun"));
            Assert.That(claims[0].Verdict, Is.EqualTo("Salah"));
            Assert.That(claims[0].Rating, Is.EqualTo(ClaimRating.False));
            Assert.That(claims[0].Publisher, Is.EqualTo("Tim Uji Fakta"));
            Assert.That(claims[0].Published, Is.EqualTo(new DateOnly(2024, 4, 8)), "the date as written, not moved to UTC");
            Assert.That(claims[0].Text, Is.EqualTo("jangan minum air sumur pas gerhana, bisa keracunan!!"));
            Assert.That(claims[1].Id, Is.EqualTo("https://example.org/cek/cr-2#review"), "@id wins");
            Assert.That(claims[1].Url, Is.EqualTo("https://example.org/cek/cr-2"));
            Assert.That(claims[1].Publisher, Is.EqualTo("Klinik Hoaks Contoh"), "author as an array");
            Assert.That(claims[1].Rating, Is.EqualTo(ClaimRating.Misleading));
            Assert.That(claims[1].Text, Is.Null);
        });
    }

    [Test]
    public void ClaimReview_SingleObject_IsOneRecord()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "single.json");
        File.WriteAllText(path, """{ "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://example.org/cek/x", "claimReviewed": "Klaim tunggal", "identifier": "uji-x" }""");

        var claim = ClaimImport.Load(path).Claims.Single();

        Assert.That((claim.Id, claim.Claim, claim.Rating), Is.EqualTo(("uji-x", "Klaim tunggal", ClaimRating.Other)));
    }

    [Test]
    public void Google_Response_OneRecordPerReview()
    {
        var claims = Read("google.json");

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(claims[0].Id, Is.EqualTo("https://example.org/cek/g-1"));
            Assert.That(claims[0].Url, Is.EqualTo("https://example.org/cek/g-1"));
            Assert.That(claims[0].Claim, Is.EqualTo("Kartu vaksin bisa dipakai sebagai tiket kereta gratis"));
            Assert.That(claims[0].Verdict, Is.EqualTo("Salah"));
            Assert.That(claims[0].Rating, Is.EqualTo(ClaimRating.False));
            Assert.That(claims[0].Publisher, Is.EqualTo("Tim Uji Fakta"));
            Assert.That(claims[0].Published, Is.EqualTo(new DateOnly(2024, 2, 3)), "reviewDate, not claimDate");
            Assert.That(claims[0].Text, Is.EqualTo("[HOAKS] Kartu Vaksin Jadi Tiket Kereta Gratis"), "a title worded differently");
            Assert.That(claims[1].Publisher, Is.EqualTo("fakta.example.org"), "site when there is no name");
            Assert.That(claims[1].Language, Is.EqualTo("en"));
            Assert.That(claims[1].Rating, Is.EqualTo(ClaimRating.False), "a sentence is judged by its first one");
            Assert.That(claims[1].Text, Is.Null, "a title that only repeats the claim is left out");
        });
    }

    [Test]
    public void Mafindo_Array_StripsTheTagAndUsesItWhenClassificationIsEmpty()
    {
        var claims = Read("mafindo.json");

        Assert.Multiple(() =>
        {
            Assert.That(claims.Select(c => c.Id), Is.EqualTo(new[] { "tbh-9001", "tbh-9002" }));
            Assert.That(claims[0].Claim, Is.EqualTo("Video Banjir Setinggi Atap di Kota Contoh Hari Ini"));
            Assert.That(claims[0].Verdict, Is.EqualTo("Konten yang Menyesatkan"));
            Assert.That(claims[0].Rating, Is.EqualTo(ClaimRating.Misleading));
            Assert.That(claims[0].Text, Does.StartWith("banjir parah"));
            Assert.That(claims[0].Url, Is.EqualTo("https://example.org/posts/banjir"));
            Assert.That(claims[0].Publisher, Is.EqualTo("TurnBackHoax (Mafindo)"));
            Assert.That(claims[0].Published, Is.EqualTo(new DateOnly(2024, 3, 5)));
            Assert.That(claims[1].Claim, Is.EqualTo("Pendaftaran Bantuan Lewat Tautan Pendek"));
            Assert.That(claims[1].Verdict, Is.EqualTo("HOAKS"));
            Assert.That(claims[1].Rating, Is.EqualTo(ClaimRating.False));
        });
    }

    [TestCase("good.csv", ClaimFormat.Csv)]
    [TestCase("good.jsonl", ClaimFormat.JsonLines)]
    [TestCase("mafindo-bad-date.jsonl", ClaimFormat.Mafindo)]
    [TestCase("claimreview.json", ClaimFormat.ClaimReview)]
    [TestCase("claimreview-missing-claim.json", ClaimFormat.ClaimReview)]
    [TestCase("google.json", ClaimFormat.Google)]
    [TestCase("mafindo.json", ClaimFormat.Mafindo)]
    public void DetectFormat_FromExtensionAndContent(string fixture, ClaimFormat expected) =>
        Assert.That(ClaimImport.DetectFormat(ClaimFixtures.Path(fixture)), Is.EqualTo(expected));

    [TestCase("claimreview.json", ClaimFormat.ClaimReview)]
    [TestCase("google.json", ClaimFormat.Google)]
    [TestCase("mafindo.json", ClaimFormat.Mafindo)]
    public void DetectJsonFormat_TextInHand_SameAsForTheFile(string fixture, ClaimFormat expected) =>
        Assert.That(ClaimImport.DetectJsonFormat(File.ReadAllText(ClaimFixtures.Path(fixture)), "body"), Is.EqualTo(expected));

    [Test]
    public void DetectJsonFormat_UnknownJson_NamesTheTextAndAsksForTheFormat() =>
        Assert.That(() => ClaimImport.DetectJsonFormat("""{ "hello": 1 }""", "body"),
            Throws.TypeOf<ClaimImportException>().With.Message.StartsWith("body: ").And.Message.Contains("give the format"));

    [TestCase("{\"id\": 1, \"title\": \"[SALAH] Klaim\", \"classification\": \"SALAH\"}\n", ClaimFormat.Mafindo)]
    [TestCase("\n{\"id\": \"a\", \"claim\": \"Klaim\"}\n", ClaimFormat.JsonLines)]
    [TestCase("", ClaimFormat.JsonLines)]
    public void DetectJsonLinesFormat_FirstRecord_DecidesMafindoOrCanonical(string text, ClaimFormat expected) =>
        Assert.That(ClaimImport.DetectJsonLinesFormat(new StringReader(text), "body"), Is.EqualTo(expected));

    [Test]
    public void DetectFormat_UnknownJson_AsksForTheFormat()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "other.json");
        File.WriteAllText(path, """{ "hello": 1 }""");

        Assert.That(() => ClaimImport.DetectFormat(path), Throws.TypeOf<ClaimImportException>().With.Message.Contains("give the format"));
    }

    [Test]
    public void Load_MissingFile_SaysSo() =>
        Assert.That(() => ClaimImport.Load("/nonexistent/claims.csv"), Throws.TypeOf<ClaimImportException>().With.Message.EqualTo("/nonexistent/claims.csv: file not found"));

    [Test]
    public void Load_InvalidUtf8_SaysSo()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "latin1.jsonl");
        File.WriteAllBytes(path, [.. "{\"id\":\"a\",\"claim\":\"caf"u8, 0xE9, .. "\"}\n"u8]);

        Assert.That(() => ClaimImport.Load(path), Throws.TypeOf<ClaimImportException>().With.Message.Contains("not valid UTF-8"));
    }
}
