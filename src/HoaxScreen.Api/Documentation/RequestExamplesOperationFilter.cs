using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Screening;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>Adds the Indonesian request examples to the operations whose body is a screening request.</summary>
public sealed class RequestExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var bodyType = context.ApiDescription.ParameterDescriptions
            .FirstOrDefault(parameter => parameter.Source == BindingSource.Body)?.Type;
        var examples = bodyType == typeof(ScreenRequest) ? RequestExamples.Single
            : bodyType == typeof(BatchScreenRequest) ? RequestExamples.Batch
            : bodyType == typeof(ClaimSearchRequest) ? ClaimExamples.Search
            : null;
        if (examples is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var mediaType in content.Values.OfType<OpenApiMediaType>())
        {
            mediaType.Examples ??= new Dictionary<string, IOpenApiExample>();
            foreach (var example in examples)
            {
                mediaType.Examples[example.Key] = new OpenApiExample
                {
                    Summary = example.Summary,
                    Description = example.Description,
                    Value = example.Value.DeepClone(),
                };
            }
        }
    }
}
