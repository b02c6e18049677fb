using HoaxScreen.Api.Security;
using Microsoft.OpenApi;

namespace HoaxScreen.Api.Documentation;

public static class DocumentationExtensions
{
    public const string DocumentName = "v1";

    /// <summary>OpenAPI document with XML-doc descriptions and Indonesian request examples.</summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "HoaxScreen API",
                Version = DocumentName,
                Description =
                    "Offline screening of Indonesian posts for hoaks (false claims), ujaran kebencian (hate speech), " +
                    "kata kasar (abusive language) and SARA. Errors are RFC 7807 problem details.",
            });
            options.IncludeXmlComments(typeof(DocumentationExtensions).Assembly);
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.AddSecurityDefinition(ApiKeySecurityOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "API key (only when the service has keys configured): a screening key for /v1, an admin key for /admin.",
            });
            options.OperationFilter<RequestExamplesOperationFilter>();
            options.OperationFilter<ApiKeySecurityOperationFilter>();
            options.OperationFilter<JsonBodyOperationFilter>();
            options.OperationFilter<FileBodyOperationFilter>();
            options.SchemaFilter<ValidatorLimitsSchemaFilter>();
        });
        return services;
    }

    /// <summary>
    /// <c>/swagger/v1/swagger.json</c> and Swagger UI at <c>/swagger</c>, in every environment: HoaxScreen is an
    /// offline staff tool and the UI is how staff try posts.
    /// </summary>
    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "HoaxScreen API v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "HoaxScreen API";
        });
        return app;
    }
}
