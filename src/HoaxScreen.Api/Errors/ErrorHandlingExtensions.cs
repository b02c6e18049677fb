using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaxScreen.Api.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>RFC 7807 problem details for every error the API produces.</summary>
    public static IServiceCollection AddApiErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                problem.Detail ??= "Send the request body as JSON with Content-Type: application/json.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RepeatedFailureLog>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        // Binding failures throw in every environment, so the handler above can explain them in the problem details
        // (by default Production answers a bare 400 and Development throws).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Exception handler (bad requests → 4xx, anything else → 500 problem details) and status-code pages (404, 405, ...).</summary>
    public static WebApplication UseApiErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
