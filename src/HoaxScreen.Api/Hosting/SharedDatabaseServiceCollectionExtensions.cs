using HoaxScreen.Api.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Hosting;

public static class SharedDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The <c>ConnectionStrings</c> options, validated at start-up; every store feature calls it, and only the first
    /// call registers anything.
    /// </summary>
    public static IServiceCollection AddSharedDatabase(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(IValidateOptions<DatabaseOptions>)))
        {
            return services;
        }

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        return services;
    }
}
