using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HoaxScreen.Api.Logging;

namespace HoaxScreen.Api.Validation;

/// <summary>
/// Endpoint filter factory: for every handler argument whose type has a registered <see cref="IValidator{T}"/>,
/// validates it before the handler runs and answers 400 with a field-level <c>errors</c> map on failure.
/// Endpoints without validated arguments get no filter at all.
/// </summary>
public static class ValidationFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        // Validators are singletons (see AddRequestValidation), so each is resolved once per endpoint, not per request.
        var targets = new List<(int Index, IValidator Validator)>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(parameters[i].ParameterType);
            if (isService.IsService(validatorType))
            {
                targets.Add((i, (IValidator)context.ApplicationServices.GetRequiredService(validatorType)));
            }
        }

        if (targets.Count == 0)
        {
            return next;
        }

        var logger = context.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ValidationFilter));
        return async invocation =>
        {
            var httpContext = invocation.HttpContext;
            foreach (var (index, validator) in targets)
            {
                if (invocation.Arguments[index] is not { } argument)
                {
                    continue;
                }

                // Every rule is synchronous; Validate skips the async state machine on the hot path.
                var result = validator.Validate(new ValidationContext<object>(argument));
                if (!result.IsValid)
                {
                    var errors = ToErrors(result);
                    logger.ValidationFailed(httpContext.Request.Method, httpContext.Request.Path, string.Join(",", errors.Keys));
                    return TypedResults.ValidationProblem(errors);
                }
            }

            return await next(invocation);
        };
    }

    /// <summary>Groups failures by JSON path, camel-casing each segment: <c>Items[3].Text</c> becomes <c>items[3].text</c>.</summary>
    public static Dictionary<string, string[]> ToErrors(ValidationResult result) =>
        result.Errors
            .GroupBy(failure => ToJsonPath(failure.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);

    public static string ToJsonPath(string propertyName)
    {
        var builder = new StringBuilder(propertyName.Length);
        foreach (var segment in propertyName.Split('.'))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(JsonNamingPolicy.CamelCase.ConvertName(segment));
        }

        return builder.ToString();
    }
}
