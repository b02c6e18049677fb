using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HoaxScreen.Api.Tests;

/// <summary>Raw HTTP/1.1 over a loopback socket, for what HttpClient will not do: declare a body it never sends, stall, send huge headers.</summary>
internal static class RawHttp
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    public static string Head(string method, string path, params string[] headers) =>
        $"{method} {path} HTTP/1.1\r\nHost: localhost\r\n{string.Concat(headers.Select(h => h + "\r\n"))}"
        + (headers.Any(h => h.StartsWith("Content-Length", StringComparison.Ordinal) || h.StartsWith("Transfer-Encoding", StringComparison.Ordinal))
            ? "\r\n"
            : "Connection: close\r\n\r\n");

    /// <summary>
    /// Sends <paramref name="request"/> on a new connection and reads one response, keeping the connection open meanwhile (so a
    /// request that declares more body than it holds never finishes sending).
    /// </summary>
    public static async Task<(int Status, string Headers, string Body)> ExchangeAsync(int port, string request)
    {
        using var connection = await ConnectAsync(port);
        await connection.SendAsync(request);
        return await connection.ReadResponseAsync(Prompt);
    }

    public static async Task<Connection> ConnectAsync(int port)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new Connection(socket);
    }

    /// <summary>One client connection, written and read at the test's pace.</summary>
    public sealed class Connection(TcpClient socket) : IDisposable
    {
        private readonly NetworkStream _stream = socket.GetStream();

        public async Task SendAsync(string text)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
            await _stream.FlushAsync();
        }

        public async Task<(int Status, string Headers, string Body)> ReadResponseAsync(TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            var received = new MemoryStream();
            var buffer = new byte[16_384];
            try
            {
                while (true)
                {
                    var read = await _stream.ReadAsync(buffer, timeout.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    received.Write(buffer, 0, read);
                    if (TryParse(received.ToArray(), out var parsed))
                    {
                        return parsed;
                    }
                }
            }
            catch (IOException)
            {
                // The server may reset the connection after answering a request whose body it refused.
            }

            Assert.That(TryParse(received.ToArray(), out var result), Is.True, $"no complete response: {Encoding.UTF8.GetString(received.ToArray())}");
            return result;
        }

        /// <summary>Whether the server has sent anything yet (e.g. answered before the request was finished).</summary>
        public bool HasAnswered => socket.Available > 0;

        public void Dispose() => socket.Dispose();
    }

    private static bool TryParse(byte[] bytes, out (int Status, string Headers, string Body) response)
    {
        response = default;
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var headers = text[..end];
        var rest = text[(end + 4)..];
        var status = int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string body;
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            if (!rest.Contains("0\r\n\r\n", StringComparison.Ordinal))
            {
                return false;
            }

            body = Dechunk(rest);
        }
        else
        {
            var length = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var expected = length is null ? 0 : int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (Encoding.UTF8.GetByteCount(rest) < expected)
            {
                return false;
            }

            body = rest;
        }

        response = (status, headers, body);
        return true;
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
