using System.Text.Json.Nodes;
using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Security;
using HoaxScreen.Core.Claims;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Documents the body of a route that takes a file (<see cref="FileBodyMetadata"/>, the claims import): one entry per
/// accepted content type, with a small example file for CSV, JSON Lines and ClaimReview, and the <c>format</c> query
/// parameter's values. Done here rather than with <c>Accepts</c>, whose routing policy would answer a wrong content type
/// itself, without the plain words of <see cref="JsonBodyFilter"/>.
/// </summary>
public sealed class FileBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<FileBodyMetadata>().FirstOrDefault() is not { } file)
        {
            return;
        }

        var content = new Dictionary<string, IOpenApiMediaType>();
        foreach (var type in file.MediaTypes)
        {
            var media = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            if (Example(type) is { } example)
            {
                media.Example = example;
            }

            content[type] = media;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description =
                "The fact-check file, UTF-8. Its format comes from `format`, else from the content type (application/json is " +
                "told apart by its content; application/octet-stream needs `format`).",
            Content = content,
        };

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "format")
            {
                parameter.Description = "The file's format, when its content type does not say or says otherwise.";
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. ClaimFormats.Names.Select(name => (JsonNode)JsonValue.Create(name))],
                };
            }
        }
    }

    private static JsonNode? Example(string mediaType) => mediaType switch
    {
        ClaimImportBody.Csv => JsonValue.Create(ClaimExamples.Csv),
        ClaimImportBody.NdJson or ClaimImportBody.JsonLines => JsonValue.Create(ClaimExamples.JsonLines),
        ClaimImportBody.JsonLd => ClaimExamples.ClaimReview,
        _ => null,
    };
}
