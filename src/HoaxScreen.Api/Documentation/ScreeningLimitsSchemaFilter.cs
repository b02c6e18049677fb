using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Screening;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>Writes the configured limits (not just the defaults) into the request schemas as maxLength / minItems / maxItems.</summary>
public sealed class ScreeningLimitsSchemaFilter(IOptions<ScreeningOptions> options) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var limits = options.Value;
        if (context.Type == typeof(ScreenRequest))
        {
            SetProperty(schema, "text", property => property.MaxLength = limits.MaxTextLength);
            SetProperty(schema, "id", property => property.MaxLength = limits.MaxIdLength);
        }
        else if (context.Type == typeof(ClaimSearchRequest))
        {
            SetProperty(schema, "text", property => property.MaxLength = limits.MaxTextLength);
        }
        else if (context.Type == typeof(BatchScreenRequest))
        {
            SetProperty(schema, "items", property =>
            {
                property.MinItems = 1;
                property.MaxItems = limits.MaxBatchSize;
            });
        }
    }

    private static void SetProperty(IOpenApiSchema schema, string name, Action<OpenApiSchema> set)
    {
        if (schema.Properties?.TryGetValue(name, out var property) == true && property is OpenApiSchema concrete)
        {
            set(concrete);
        }
    }
}
