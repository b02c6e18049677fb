namespace HoaxScreen.Api.Screening;

public static class ScreeningServiceCollectionExtensions
{
    /// <summary>Registers the screening service that turns validated requests into responses (needs model serving and claim matching).</summary>
    public static IServiceCollection AddScreening(this IServiceCollection services) => services.AddSingleton<PostScreener>();
}
