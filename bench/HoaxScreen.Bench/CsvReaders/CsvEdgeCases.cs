using System.Text;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// The malformed and edge-case files of HoaxScreen's own tests (MalformedCsvTests, ScoreDelimiterTests,
/// CsvRecordReaderTests, CsvDelimiterTests), reduced to what the reader alone decides.
/// </summary>
internal static class CsvEdgeCases
{
    private const string Header = "id,text";

    public static IReadOnlyList<CsvEdgeCase> All { get; } =
    [
        CsvEdgeCase.Reads(
            "quoted comma, doubled quotes, emoji",
            $"{Header}\n1,\"halo, \"\"gaes\"\" 😂\"\n2,biasa\n",
            ',',
            [["id", "text"], ["1", "halo, \"gaes\" 😂"], ["2", "biasa"]],
            [2, 3]),
        CsvEdgeCase.Reads(
            "quoted line break (LF)",
            $"{Header}\n1,\"baris satu\nbaris dua\"\n2,berikutnya\n",
            ',',
            [["id", "text"], ["1", "baris satu\nbaris dua"], ["2", "berikutnya"]],
            [2, 4]),
        CsvEdgeCase.Reads(
            "CRLF line ends, quoted CRLF",
            $"{Header}\r\n1,\"satu\r\ndua\"\r\n2,tiga\r\n",
            ',',
            [["id", "text"], ["1", "satu\r\ndua"], ["2", "tiga"]],
            [2, 4]),
        CsvEdgeCase.Reads(
            "UTF-8 BOM",
            $"\uFEFF{Header}\n1,halo\n",
            ',',
            [["id", "text"], ["1", "halo"]],
            [2]),
        CsvEdgeCase.Reads(
            "BOM + CRLF + blank lines + every field quoted",
            "\uFEFF\"id\",\"text\"\r\n\"1\",\"halo, semua\"\r\n\r\n\"2\",\"dasar \"\"hoaks\"\"\"\r\n",
            ',',
            [["id", "text"], ["1", "halo, semua"], ["2", "dasar \"hoaks\""]],
            [2, 4]),
        CsvEdgeCase.Reads(
            "blank lines between rows and before the header",
            $"\n\n{Header}\n1,satu\n\n\n2,dua\n",
            ',',
            [["id", "text"], ["1", "satu"], ["2", "dua"]],
            [4, 7]),
        CsvEdgeCase.Reads(
            "';' detected, commas in texts",
            "id;text\n1;halo, semua, apa kabar\n2;\"kata; dia\"\n",
            ';',
            [["id", "text"], ["1", "halo, semua, apa kabar"], ["2", "kata; dia"]],
            [2, 3]),
        CsvEdgeCase.Reads(
            "';' detected, quoted ',' in the header",
            "\"isi, pesan\";id\n\"halo, semua\";1\n",
            ';',
            [["isi, pesan", "id"], ["halo, semua", "1"]],
            [2]),
        CsvEdgeCase.Reads(
            "tab detected, ',' and ';' in texts",
            "id\ttext\n1\thalo, semua; ya\n",
            '\t',
            [["id", "text"], ["1", "halo, semua; ya"]],
            [2]),
        CsvEdgeCase.Reads("no line break at the end", $"{Header}\n1,halo", ',', [["id", "text"], ["1", "halo"]], [2]),
        CsvEdgeCase.Reads("header only", $"{Header}\n", ',', [["id", "text"]], []),
        CsvEdgeCase.Reads("empty file", string.Empty, ',', [], []),
        CsvEdgeCase.Fails("unclosed quote (rest of the file swallowed)", $"{Header}\n1,halo semua\n2,\"kutipan tidak ditutup\n3,lagi\n", 3),
        CsvEdgeCase.Fails("stray quote inside an unquoted field", $"{Header}\n1,halo semua\n2,kata \"dia\" begitu\n", 3),
        CsvEdgeCase.Fails("text after a closing quote", $"{Header}\n1,\"halo\" semua\n", 2),
        CsvEdgeCase.Fails("extra field (unquoted ',' in a text)", $"{Header}\n1,halo\n2,halo, semua\n", 3),
        CsvEdgeCase.Fails("missing field", "id,text,hoax\n1,halo\n", 2),
        CsvEdgeCase.Fails("unquoted ';' in a ';' file", "id;text\n1;halo semua\n2;halo; semua\n", 3),
        CsvEdgeCase.Fails("wrong field count after a quoted line break", $"{Header}\n1,\"baris satu\nbaris dua\"\n2,a,b\n", 4),
        CsvEdgeCase.Fails("wrong field count after CRLF blank lines", $"{Header}\r\n1,a\r\n\r\n\r\n2,a,b\r\n", 5),
        CsvEdgeCase.Fails(
            "invalid UTF-8 (Latin-1 é) on line 4",
            [.. Encoding.UTF8.GetBytes($"{Header}\n1,halo\n2,apa kabar\n3,kafe "), 0xE9, .. Encoding.UTF8.GetBytes(" enak\n")],
            4),
        CsvEdgeCase.Fails(
            "invalid UTF-8 on line 5,002, past the first 64 KiB",
            [.. Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(Enumerable.Range(1, 5_000).Select(i => $"{i},halo apa kabar semua\n")) + "5001,kafe "), 0xE9, .. Encoding.UTF8.GetBytes(" enak\n")],
            5_002),
    ];
}
