using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// Guards request bodies before any endpoint reads them:
/// <list type="bullet">
/// <item>a declared <c>Content-Length</c> over <see cref="LimitsOptions.MaxRequestBodyBytes"/> is answered 413 without reading;</item>
/// <item>a body without a length (chunked) is counted as it is read and cut off with 413 once it passes the limit, on every
/// server (Kestrel enforces the same limit itself; the in-memory test server does not);</item>
/// <item>a JSON body declared in a charset other than UTF-8 is answered 415 (RFC 8259 JSON is UTF-8, and an unknown charset
/// would otherwise fail deep inside the JSON reader as a 500).</item>
/// </list>
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<LimitsOptions> options, ILogger<RequestBodyLimitMiddleware> logger)
{
    private const string DefaultSetting = "Limits:MaxRequestBodyBytes";

    private readonly long _defaultLimit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Routing has run: a route with its own limit (a claims import) uses it instead of the default.
        var own = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimitMetadata>();
        var limit = own?.MaxRequestBodySize ?? _defaultLimit;
        var setting = own?.Setting ?? DefaultSetting;
        if (request.ContentLength is { } length && length > limit)
        {
            logger.BodyTooLarge(request.Method, request.Path, limit, length);
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit, setting));
            return;
        }

        if (!TryAcceptCharset(request, out var charset))
        {
            await ProblemResponses.WriteAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                $"The request declares charset '{Shorten(charset)}'; send the JSON body as UTF-8 (Content-Type: application/json).");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var limited = new LimitedRequestStream(request.Body, limit, context);
        request.Body = limited;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge || limited.Exceeded)
        {
            logger.BodyTooLarge(request.Method, request.Path, limit, limited.BytesRead);
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit, setting));
            return;
        }

        // Body readers that swallow I/O errors (parameter binding does) end the request without a response.
        if (limited.Exceeded && !context.Response.HasStarted)
        {
            logger.BodyTooLarge(request.Method, request.Path, limit, limited.BytesRead);
            context.Response.Clear();
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit, setting));
        }
    }

    private static string TooLarge(long limit, string setting) =>
        $"The request body is larger than the limit of {limit:N0} bytes ({setting}).";

    /// <summary>No charset, or UTF-8 in any spelling (<c>utf-8</c>, <c>"UTF-8"</c>, <c>utf8</c>).</summary>
    private static bool TryAcceptCharset(HttpRequest request, out string charset)
    {
        charset = string.Empty;
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return true;
        }

        // Other media types are refused by the JSON endpoints anyway (415), whatever their charset.
        var isJson = mediaType.MediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        if (!isJson || !mediaType.Parameters.Any(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        charset = mediaType.Charset.Value ?? string.Empty;
        var bare = HeaderUtilities.RemoveQuotes(mediaType.Charset).Value?.Trim() ?? string.Empty;
        if (!bare.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !bare.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The JSON reader resolves the charset itself and knows neither quotes nor aliases such as "utf8": drop it.
        request.ContentType = mediaType.MediaType.Value;
        return true;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

public static class RequestBodyLimitExtensions
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestBodyLimitMiddleware>();
}
