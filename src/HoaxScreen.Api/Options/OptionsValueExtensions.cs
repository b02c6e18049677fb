using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

internal static class OptionsValueExtensions
{
    /// <summary>
    /// The bound value, or the defaults when it does not bind or validate. For framework options (Kestrel, JSON, timeouts,
    /// rate limiter) that are read while the app is still being built, before start-up validation can report the bad
    /// setting as one line and stop the service.
    /// </summary>
    public static T ValueOrDefaults<T>(this IOptions<T> options)
        where T : class, new()
    {
        try
        {
            return options.Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return new T();
        }
    }
}
