using Microsoft.AspNetCore.Http.Metadata;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// A route's own body limit in place of <c>Limits:MaxRequestBodyBytes</c> (a claims file is far larger than a post),
/// applied by <see cref="RequestBodyLimitMiddleware"/>; <see cref="Setting"/> names it in the 413 answer.
/// </summary>
public sealed class RequestBodyLimitMetadata(long maxBytes, string setting) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => maxBytes;

    public string Setting => setting;
}
