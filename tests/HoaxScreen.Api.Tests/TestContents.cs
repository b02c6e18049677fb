using System.Net;
using System.Net.Http.Headers;

namespace HoaxScreen.Api.Tests;

/// <summary>Request bodies with unusual framing: raw bytes, no declared length (chunked), or a body that stalls.</summary>
internal static class TestContents
{
    /// <summary>Exactly these bytes, with the given content type (none when null).</summary>
    public static ByteArrayContent Bytes(byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    /// <summary>A body sent without Content-Length (chunked on a real connection).</summary>
    public static HttpContent Chunked(byte[] body, string contentType = "application/json") =>
        new StreamedContent(body, stallAfter: null, declaredLength: null, contentType);

    /// <summary>
    /// A body that sends <paramref name="prefix"/> then waits until <paramref name="release"/> completes before ending, optionally
    /// declaring a length it never reaches.
    /// </summary>
    public static HttpContent Stalling(byte[] prefix, Task release, long? declaredLength = null, string contentType = "application/json") =>
        new StreamedContent(prefix, release, declaredLength, contentType);

    private sealed class StreamedContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly Task? _stallAfter;
        private readonly long? _declaredLength;

        public StreamedContent(byte[] body, Task? stallAfter, long? declaredLength, string contentType)
        {
            _body = body;
            _stallAfter = stallAfter;
            _declaredLength = declaredLength;
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (declaredLength is { } length)
            {
                Headers.ContentLength = length;
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Several writes, so a reader sees the body arrive in pieces.
            for (var offset = 0; offset < _body.Length; offset += 1_024)
            {
                await stream.WriteAsync(_body.AsMemory(offset, Math.Min(1_024, _body.Length - offset)));
                await stream.FlushAsync();
            }

            if (_stallAfter is not null)
            {
                await _stallAfter;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _declaredLength ?? 0;
            return _declaredLength is not null;
        }
    }
}
