using System.Text.Json.Nodes;
using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.LabelStudio;
using HoaxScreen.Api.Screening;
using HoaxScreen.Api.TermLists;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>Adds the Indonesian request examples to the operations whose body is a screening, search or term-list request.</summary>
public sealed class RequestExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var bodyType = context.ApiDescription.ParameterDescriptions
            .FirstOrDefault(parameter => parameter.Source == BindingSource.Body)?.Type;
        var examples = bodyType == typeof(ScreenRequest) ? RequestExamples.Single
            : bodyType == typeof(BatchScreenRequest) ? RequestExamples.Batch
            : bodyType == typeof(ClaimSearchRequest) ? ClaimExamples.Search
            : bodyType == typeof(TermListRequest) ? ElectionExamples.TermLists
            : bodyType == typeof(FeedbackRequest) ? FeedbackExamples.Submit
            : bodyType == typeof(LabelStudioPredictRequest) ? LabelStudioExamples.Predict
            : bodyType == typeof(LabelStudioWebhookEvent) ? LabelStudioExamples.Webhook
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

        if (bodyType == typeof(TermListRequest))
        {
            NameTheFirstList(operation, examples[0].Key);
        }
    }

    /// <summary>A term-list example is stored under its own name, so "Try it out" starts with the first one's.</summary>
    private static void NameTheFirstList(OpenApiOperation operation, string name)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "name")
            {
                parameter.Example = JsonValue.Create(name);
            }
        }
    }
}
