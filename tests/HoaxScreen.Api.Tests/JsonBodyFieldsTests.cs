using HoaxScreen.Api.Admin;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Screening;

namespace HoaxScreen.Api.Tests;

public class JsonBodyFieldsTests
{
    [TestCase("$.text", "text", "text", typeof(string))]
    [TestCase("$.Text", "text", "text", typeof(string))]
    [TestCase("$['topWords']", "topWords", "topWords", typeof(int))]
    public void Resolve_SinglePostPath_NamesTheFieldAndItsType(string path, string key, string name, Type type)
    {
        var field = JsonBodyFields.Resolve(typeof(ScreenRequest), path);

        Assert.That(field, Is.EqualTo(new JsonBodyFields.Field(key, name, type, IsListItem: false)));
    }

    [Test]
    public void Resolve_BatchItemField_KeysItByPosition()
    {
        var field = JsonBodyFields.Resolve(typeof(BatchScreenRequest), "$.items[12].explain");

        Assert.That(field, Is.EqualTo(new JsonBodyFields.Field("items[12].explain", "explain", typeof(bool), IsListItem: false)));
    }

    [Test]
    public void Resolve_BatchItem_IsAListItemOfTheItemType()
    {
        var field = JsonBodyFields.Resolve(typeof(BatchScreenRequest), "$.items[0]");

        Assert.That(field, Is.EqualTo(new JsonBodyFields.Field("items[0]", "items", typeof(ScreenRequest), IsListItem: true)));
    }

    [TestCase(null)]
    [TestCase("$")]
    [TestCase("text")]
    [TestCase("$.items[x]")]
    public void Resolve_BodyItselfOrUnreadablePath_IsNull(string? path)
    {
        Assert.That(JsonBodyFields.Resolve(typeof(BatchScreenRequest), path), Is.Null);
    }

    [TestCase(typeof(string), "a string")]
    [TestCase(typeof(bool), "true or false")]
    [TestCase(typeof(int?), "a whole number")]
    [TestCase(typeof(double), "a number")]
    [TestCase(typeof(IReadOnlyList<ScreenRequest>), "a list ([...])")]
    [TestCase(typeof(ScreenRequest), "an object with \"text\"")]
    [TestCase(typeof(ModelReloadRequest), "an object ({...})")]
    public void Describe_ContractType_InJsonWords(Type type, string expected)
    {
        Assert.That(JsonBodyFields.Describe(type), Is.EqualTo(expected));
    }
}
