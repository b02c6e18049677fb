using System.Data.Common;
using System.Globalization;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// Writes the changed claims of one upsert, <see cref="StoreDatabase.RowsPerStatement"/> rows to a statement, each
/// statement shape built once and reused: PostgreSQL gets a few multi-row statements per 500 claims instead of a round
/// trip per claim; SQLite, in process, one prepared single-row statement (it binds named parameters by a linear search,
/// so thousands of them in one statement cost more than they save).
/// </summary>
internal sealed class ClaimUpsertWriter(DbConnection connection, DbTransaction transaction, int rowsPerStatement, string importedAt, long revision) : IDisposable
{
    private static readonly string[] Fields = ["id", "claim", "verdict", "rating", "url", "publisher", "published", "language", "text"];

    private readonly Dictionary<int, (DbCommand Command, DbParameter[] Parameters)> _statements = [];

    /// <summary>Adds or replaces <paramref name="claims"/>, whose ids are distinct.</summary>
    public void Write(IEnumerable<FactCheck> claims)
    {
        foreach (var rows in claims.Chunk(rowsPerStatement))
        {
            var (command, parameters) = Statement(rows.Length);
            for (var row = 0; row < rows.Length; row++)
            {
                var claim = rows[row];
                var values = new object?[]
                {
                    claim.Id, claim.Claim, claim.Verdict, ClaimRatings.Name(claim.Rating), claim.Url, claim.Publisher,
                    claim.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), claim.Language, claim.Text,
                };
                for (var field = 0; field < Fields.Length; field++)
                {
                    parameters[(row * Fields.Length) + field].Value = values[field] ?? DBNull.Value;
                }
            }

            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        foreach (var (command, _) in _statements.Values)
        {
            command.Dispose();
        }
    }

    private (DbCommand Command, DbParameter[] Parameters) Statement(int rows)
    {
        if (_statements.TryGetValue(rows, out var statement))
        {
            return statement;
        }

        var values = Enumerable.Range(0, rows)
            .Select(row => $"({string.Join(", ", Fields.Select(field => $"@{field}{row}"))}, @imported_at, @revision)");
        var command = connection.Command($"""
            INSERT INTO claims ({ClaimStore.Columns}, revision) VALUES {string.Join(", ", values)}
            ON CONFLICT (id) DO UPDATE SET claim = excluded.claim, verdict = excluded.verdict, rating = excluded.rating,
                url = excluded.url, publisher = excluded.publisher, published = excluded.published,
                language = excluded.language, text = excluded.text, imported_at = excluded.imported_at, revision = excluded.revision
            """, transaction);
        command.Bind("@imported_at", importedAt);
        command.Bind("@revision", revision);
        var parameters = Enumerable.Range(0, rows)
            .SelectMany(row => Fields.Select(field => command.Bind($"@{field}{row}", null)))
            .ToArray();
        _statements[rows] = (command, parameters);
        return (command, parameters);
    }
}
