using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Playground;

/// <summary>
/// The moderator playground at <c>/</c>: one static page (HTML, CSS and vanilla JS embedded in this assembly, so it is
/// served from any working directory and from the container) that screens a post through <c>/v1/screen</c> with
/// <c>explain</c> (and the author role and action when chosen) and draws each label's score against its threshold, the
/// risks, known claims and term-list matches. It only reads: term lists are an admin's, never changed from the page.
/// </summary>
public static class PlaygroundExtensions
{
    /// <summary>Logical-name prefix of the embedded files (see the csproj).</summary>
    internal const string ResourcePrefix = "HoaxScreen.Playground";

    /// <summary>
    /// The page loads only its own files and talks only to this service, so it works with no network at all; the policy
    /// makes the browser enforce that (and refuse injected script).
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Binds <see cref="PlaygroundOptions"/>; a setting that is not a boolean stops the service at start-up.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.SectionName).ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Serves the page at <c>/</c> and its files beside it. The files carry no endpoint, so the API-key policies and the
    /// per-caller rate limit (both endpoint metadata) never apply to them: like Swagger UI, the page opens without a key,
    /// and asks for one only when the API answers 401.
    /// </summary>
    public static WebApplication UsePlayground(this WebApplication app)
    {
        // A setting that does not bind reads as the defaults here; start-up validation then stops the service with one line.
        if (!app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().ValueOrDefaults().Enabled)
        {
            return app;
        }

        var files = new EmbeddedFileProvider(typeof(PlaygroundExtensions).Assembly, ResourcePrefix);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = context => AddHeaders(context.Context.Response.Headers),
        });
        return app;
    }

    /// <summary>Explicit UTF-8, so the Indonesian text and emoji in the page never depend on the browser's guess.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".svg"] = "image/svg+xml";
        return provider;
    }

    private static void AddHeaders(IHeaderDictionary headers)
    {
        // Revalidate every time (the ETag makes that a 304): an upgraded service never runs a stale script.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
