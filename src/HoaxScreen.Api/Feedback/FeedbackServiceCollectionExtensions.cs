using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The moderators' feedback store: the <c>Feedback</c> options, the store and its retention (all idle while off).</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSharedDatabase();
        services.AddSingleton<FeedbackStoreHolder>();
        services.AddSingleton<FeedbackRecorder>();
        services.AddHostedService<FeedbackRetention>();
        return services;
    }
}
