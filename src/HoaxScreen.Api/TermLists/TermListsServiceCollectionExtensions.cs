using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.TermLists;

public static class TermListsServiceCollectionExtensions
{
    /// <summary>Deployment term lists: the <c>TermLists</c> options, the matcher holder and the store watch (all idle while off).</summary>
    public static IServiceCollection AddTermLists(this IServiceCollection services)
    {
        services.AddOptions<TermListsOptions>().BindConfiguration(TermListsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TermListsOptions>, TermListsOptionsValidator>();
        services.AddSharedDatabase();
        services.AddSingleton<TermListMatcherHolder>();
        services.AddHostedService<TermListStoreWatcher>();
        return services;
    }
}
