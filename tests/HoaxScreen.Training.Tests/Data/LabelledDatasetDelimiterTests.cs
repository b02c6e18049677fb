using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests.Data;

/// <summary>Training data separated by ',' ';' or tab: the same posts whichever separator, and errors that name it.</summary>
public class LabelledDatasetDelimiterTests
{
    [Test]
    public void Load_SemicolonFile_ReadsTheSamePostsAsTheCommaFile()
    {
        var work = Directory.CreateTempSubdirectory("hoaxscreen-delimiter-").FullName;
        try
        {
            var comma = Path.Combine(work, "comma.csv");
            var semicolon = Path.Combine(work, "semicolon.csv");
            File.WriteAllText(comma, "id,text,hoax,abusive\n1,\"halo; semua, ya\",0,\n2,sebarkan,1,0\n");
            File.WriteAllText(semicolon, "id;text;hoax;abusive\n1;\"halo; semua, ya\";0;\n2;sebarkan;1;0\n");

            var fromComma = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(comma));
            var fromSemicolon = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(semicolon));

            Assert.Multiple(() =>
            {
                Assert.That(fromSemicolon.Labels, Is.EqualTo(fromComma.Labels));
                Assert.That(fromSemicolon.Posts.Select(p => p.Text), Is.EqualTo(fromComma.Posts.Select(p => p.Text)));
                Assert.That(fromSemicolon.Posts.Select(p => p.Labels), Is.EqualTo(fromComma.Posts.Select(p => p.Labels)));
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void Load_RowWithAnUnquotedSeparator_NamesFileLineAndTheSeparator()
    {
        var work = Directory.CreateTempSubdirectory("hoaxscreen-delimiter-").FullName;
        try
        {
            var csv = Path.Combine(work, "posts.csv");
            File.WriteAllText(csv, "text;hoax\nsatu;1\ndua; tiga;0\n");

            var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv)));

            Assert.That(ex!.Message, Is.EqualTo(
                $"{csv}:3: expected 2 fields, found 3 (fields are separated by ';'; put a text that contains ';' in double quotes, or give the right --delimiter)"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void Load_GivenCommaForASemicolonFile_SaysWhichSeparatorTheHeaderLooksLike()
    {
        var work = Directory.CreateTempSubdirectory("hoaxscreen-delimiter-").FullName;
        try
        {
            var csv = Path.Combine(work, "posts.csv");
            File.WriteAllText(csv, "text;hoax\nsatu;1\n");

            var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv, ',')));

            Assert.That(ex!.Message, Does.StartWith($"{csv}:1: no text column 'text' (columns: text;hoax); the header looks separated by ';', not ','"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
