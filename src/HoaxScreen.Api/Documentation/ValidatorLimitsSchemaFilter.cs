using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using HoaxScreen.Api.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Documents a request contract's limits as its validator enforces them, with the configured values rather than the
/// defaults: maxLength / minLength from length rules, minimum / maximum from inclusive ranges, minItems / maxItems from
/// item counts. The validator states each limit once; this filter only reads it. A rule with a condition is left out, as
/// it does not always apply.
/// </summary>
public sealed class ValidatorLimitsSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema.Properties is not { Count: > 0 } properties
            || services.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
        {
            return;
        }

        foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
        {
            if (!properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(member.Key), out var property)
                || property is not OpenApiSchema concrete)
            {
                continue;
            }

            foreach (var (rule, component) in member)
            {
                if (!component.HasCondition && !component.HasAsyncCondition)
                {
                    Document(concrete, rule);
                }
            }
        }
    }

    private static void Document(OpenApiSchema property, IPropertyValidator rule)
    {
        switch (rule)
        {
            case ILengthValidator length:
                // A maximum length has Min 0 and a minimum length Max -1: neither is a bound to write.
                if (length.Min > 0)
                {
                    property.MinLength = length.Min;
                }

                if (length.Max >= 0)
                {
                    property.MaxLength = length.Max;
                }

                break;
            case IInclusiveBetweenValidator range:
                property.Minimum = Convert.ToString(range.From, CultureInfo.InvariantCulture);
                property.Maximum = Convert.ToString(range.To, CultureInfo.InvariantCulture);
                break;
            case IItemCountValidator count:
                if (count.Min > 0)
                {
                    property.MinItems = count.Min;
                }

                if (count.Max < int.MaxValue)
                {
                    property.MaxItems = count.Max;
                }

                break;
        }
    }
}
