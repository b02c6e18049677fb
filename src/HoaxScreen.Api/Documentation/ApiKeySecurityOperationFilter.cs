using HoaxScreen.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Marks the operations that need an API key (those with an authorization policy) with the <c>X-Api-Key</c> scheme, so
/// Swagger UI's Authorize button sends the key to them; health probes stay unmarked.
/// </summary>
public sealed class ApiKeySecurityOperationFilter : IOperationFilter
{
    public const string SchemeName = ApiKeyAuthenticationHandler.SchemeName;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
    }
}
