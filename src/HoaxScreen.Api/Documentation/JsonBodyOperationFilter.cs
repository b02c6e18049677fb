using HoaxScreen.Api.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Shows the request body as required on the routes that refuse a request without a JSON body (the <c>/admin</c> group,
/// <see cref="JsonBodyFilter"/>), even where the handler's body parameter is nullable.
/// </summary>
public sealed class JsonBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is OpenApiRequestBody body
            && context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<JsonBodyRequiredMetadata>().Any())
        {
            body.Required = true;
        }
    }
}
