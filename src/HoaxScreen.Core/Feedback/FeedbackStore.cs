using System.Globalization;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Labels;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Core.Feedback;

/// <summary>
/// Moderators' decisions in one SQLite file (WAL journal; one writer, many readers, any number of processes, so several
/// replicas share one file). One row per decision with the serving model's version, and one row per label of that
/// model with its score and verdict at the time and the moderator's judgement (null: not judged), so agreement is a
/// query. Thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed class FeedbackStore
{
    public const int SchemaVersion = 1;

    /// <summary>Longest note, in characters.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>Longest client id or claim id, in characters.</summary>
    public const int MaxIdLength = 512;

    // PRAGMA application_id: "HxFb".
    private const int ApplicationId = 0x48784662;

    private const string Columns =
        "f.id, f.client_id, f.text, f.claim_id, f.claim_correct, f.note, f.model, f.received_at, l.label, l.judged, l.score, l.flagged";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private FeedbackStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    public string Path { get; }

    /// <summary>Opens the store at <paramref name="path"/>, creating the file when missing.</summary>
    /// <exception cref="FeedbackStoreException">The folder is missing or the file is not a feedback store of this schema.</exception>
    public static FeedbackStore Open(string path, TimeProvider? clock = null)
    {
        var (full, connectionString) = SqliteStoreFile.Open(
            path, "feedback store", message => new FeedbackStoreException(message),
            (full, connection) => new FeedbackStore(full, connection, clock ?? TimeProvider.System).Initialise());
        return new FeedbackStore(full, connectionString, clock ?? TimeProvider.System);
    }

    /// <summary>The problems of a decision as a client would send it, in plain words; empty when it can be stored.</summary>
    public static IEnumerable<string> Problems(NewFeedback feedback)
    {
        if (string.IsNullOrWhiteSpace(feedback.Text))
        {
            yield return "text must not be blank";
        }

        if (feedback.Labels.Count == 0 && feedback.ClaimCorrect is null)
        {
            yield return "a decision needs at least one judged label or a claim judgement (claimId with claimCorrect)";
        }

        foreach (var label in feedback.Labels.Keys.Where(label => !CanonicalLabels.IsValidName(label)))
        {
            yield return $"'{Shorten(label)}' is not a label name";
        }

        if (feedback.ClaimCorrect is not null && string.IsNullOrWhiteSpace(feedback.ClaimId))
        {
            yield return "claimCorrect needs the claimId it judges";
        }

        if (feedback.ClaimId?.Length > MaxIdLength || feedback.ClientId?.Length > MaxIdLength)
        {
            yield return $"ids must be at most {MaxIdLength} characters";
        }

        if (feedback.Note?.Length > MaxNoteLength)
        {
            yield return $"note must be at most {MaxNoteLength} characters";
        }
    }

    /// <summary>Stores a decision with what model <paramref name="model"/> said of the post per label; returns it with its new id.</summary>
    /// <exception cref="FeedbackStoreException">The decision breaks a rule of <see cref="Problems"/>.</exception>
    public FeedbackDecision Add(NewFeedback feedback, string model, IReadOnlyDictionary<string, ModelJudgement> scores)
    {
        if (Problems(feedback).FirstOrDefault() is { } problem)
        {
            throw new FeedbackStoreException(problem);
        }

        var receivedAt = _clock.GetUtcNow();
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = Command(connection, """
            INSERT INTO feedback (client_id, text, claim_id, claim_correct, note, model, received_at)
            VALUES ($client, $text, $claim, $correct, $note, $model, $received) RETURNING id
            """, transaction);
        insert.Parameters.AddWithValue("$client", (object?)feedback.ClientId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$text", feedback.Text);
        insert.Parameters.AddWithValue("$claim", (object?)feedback.ClaimId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$correct", feedback.ClaimCorrect is { } correct ? correct ? 1 : 0 : DBNull.Value);
        insert.Parameters.AddWithValue("$note", (object?)feedback.Note ?? DBNull.Value);
        insert.Parameters.AddWithValue("$model", model);
        insert.Parameters.AddWithValue("$received", receivedAt.ToUnixTimeMilliseconds());
        var id = (long)insert.ExecuteScalar()!;

        using var label = Command(connection, """
            INSERT INTO feedback_labels (feedback_id, label, ordinal, judged, score, flagged) VALUES ($id, $label, $ordinal, $judged, $score, $flagged)
            """, transaction);
        var name = label.Parameters.Add("$label", SqliteType.Text);
        var ordinal = label.Parameters.Add("$ordinal", SqliteType.Integer);
        var judged = label.Parameters.Add("$judged", SqliteType.Integer);
        var score = label.Parameters.Add("$score", SqliteType.Real);
        var flagged = label.Parameters.Add("$flagged", SqliteType.Integer);
        label.Parameters.AddWithValue("$id", id);
        // The model's label order, then any judged label it does not score.
        foreach (var (key, index) in scores.Keys.Union(feedback.Labels.Keys, StringComparer.Ordinal).Select((key, index) => (key, index)))
        {
            name.Value = key;
            ordinal.Value = index;
            judged.Value = feedback.Labels.TryGetValue(key, out var value) ? value ? 1 : 0 : DBNull.Value;
            (score.Value, flagged.Value) = scores.TryGetValue(key, out var judgement)
                ? ((object)(double)judgement.Score, (object)(judgement.Flagged ? 1 : 0))
                : (DBNull.Value, DBNull.Value);
            label.ExecuteNonQuery();
        }

        transaction.Commit();
        return Get(id)!;
    }

    /// <summary>The decision, or null when there is none of that id.</summary>
    public FeedbackDecision? Get(long id)
    {
        using var connection = Connect();
        return Read(connection, "WHERE id = $id", "ASC", command => command.Parameters.AddWithValue("$id", id)).FirstOrDefault();
    }

    /// <summary>How many decisions are stored.</summary>
    public int Count()
    {
        using var connection = Connect();
        return (int)Scalar<long>(connection, "SELECT count(*) FROM feedback");
    }

    /// <summary>A page of decisions, newest first.</summary>
    public IReadOnlyList<FeedbackDecision> Page(int skip, int take)
    {
        using var connection = Connect();
        return [.. Read(connection, "ORDER BY id DESC LIMIT $take OFFSET $skip", "DESC", command =>
        {
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
        })];
    }

    /// <summary>Every decision, oldest first, read as it is enumerated (for exports of any size).</summary>
    public IEnumerable<FeedbackDecision> All()
    {
        using var connection = Connect();
        foreach (var decision in Read(connection, string.Empty, "ASC", _ => { }))
        {
            yield return decision;
        }
    }

    /// <summary>Every label some decision judged, by name: the label columns of an export.</summary>
    public IReadOnlyList<string> JudgedLabels()
    {
        using var connection = Connect();
        using var select = Command(connection, "SELECT DISTINCT label FROM feedback_labels WHERE judged IS NOT NULL ORDER BY label", null);
        using var reader = select.ExecuteReader();
        var labels = new List<string>();
        while (reader.Read())
        {
            labels.Add(reader.GetString(0));
        }

        return labels;
    }

    /// <summary>Deletes the decision; false when there was none.</summary>
    public bool Delete(long id)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var labels = Command(connection, "DELETE FROM feedback_labels WHERE feedback_id = $id", transaction);
        labels.Parameters.AddWithValue("$id", id);
        labels.ExecuteNonQuery();
        using var delete = Command(connection, "DELETE FROM feedback WHERE id = $id", transaction);
        delete.Parameters.AddWithValue("$id", id);
        var deleted = delete.ExecuteNonQuery() > 0;
        transaction.Commit();
        return deleted;
    }

    /// <summary>Deletes every decision received more than <paramref name="days"/> days ago; returns how many.</summary>
    public int DeleteOlderThan(int days)
    {
        var cutoff = _clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var labels = Command(connection,
            "DELETE FROM feedback_labels WHERE feedback_id IN (SELECT id FROM feedback WHERE received_at < $cutoff)", transaction);
        labels.Parameters.AddWithValue("$cutoff", cutoff);
        labels.ExecuteNonQuery();
        using var delete = Command(connection, "DELETE FROM feedback WHERE received_at < $cutoff", transaction);
        delete.Parameters.AddWithValue("$cutoff", cutoff);
        var deleted = delete.ExecuteNonQuery();
        transaction.Commit();
        return deleted;
    }

    /// <summary>Per label, the model's agreement with its moderators: over every decision, and over the last <paramref name="days"/> days.</summary>
    public FeedbackSummary Summary(int days)
    {
        var since = _clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        return new FeedbackSummary(
            Decisions(connection, transaction, long.MinValue), Agreement(connection, transaction, long.MinValue),
            days, Decisions(connection, transaction, since), Agreement(connection, transaction, since));
    }

    private static int Decisions(SqliteConnection connection, SqliteTransaction transaction, long since)
    {
        using var count = Command(connection, "SELECT count(*) FROM feedback WHERE received_at >= $since", transaction);
        count.Parameters.AddWithValue("$since", since);
        return (int)(long)count.ExecuteScalar()!;
    }

    private static List<LabelAgreement> Agreement(SqliteConnection connection, SqliteTransaction transaction, long since)
    {
        using var select = Command(connection, """
            SELECT l.label, count(*), sum(l.judged), sum(coalesce(l.flagged, 0)), sum(l.judged * coalesce(l.flagged, 0))
            FROM feedback_labels l JOIN feedback f ON f.id = l.feedback_id
            WHERE l.judged IS NOT NULL AND f.received_at >= $since
            GROUP BY l.label ORDER BY l.label
            """, transaction);
        select.Parameters.AddWithValue("$since", since);
        using var reader = select.ExecuteReader();
        var labels = new List<LabelAgreement>();
        while (reader.Read())
        {
            labels.Add(new LabelAgreement(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return labels;
    }

    /// <summary>Decisions of the feedback rows <paramref name="clause"/> selects, each with its labels.</summary>
    private static IEnumerable<FeedbackDecision> Read(SqliteConnection connection, string clause, string order, Action<SqliteCommand> bind)
    {
        using var select = Command(connection, $"""
            SELECT {Columns} FROM (SELECT * FROM feedback {clause}) f LEFT JOIN feedback_labels l ON l.feedback_id = f.id
            ORDER BY f.id {order}, l.ordinal
            """, null);
        bind(select);
        using var reader = select.ExecuteReader();
        FeedbackDecision? current = null;
        Dictionary<string, bool> labels = [];
        Dictionary<string, ModelJudgement> scores = [];
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (current?.Id != id)
            {
                if (current is not null)
                {
                    yield return current;
                }

                (labels, scores) = ([], []);
                current = new FeedbackDecision(
                    id, NullableString(reader, 1), reader.GetString(2), labels, NullableString(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4) == 1, NullableString(reader, 5), reader.GetString(6), scores,
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
            }

            if (reader.IsDBNull(8))
            {
                continue;
            }

            var label = reader.GetString(8);
            if (!reader.IsDBNull(9))
            {
                labels[label] = reader.GetInt64(9) == 1;
            }

            if (!reader.IsDBNull(10))
            {
                scores[label] = new ModelJudgement((float)reader.GetDouble(10), reader.GetInt64(11) == 1);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static string? NullableString(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private void Initialise()
    {
        using var connection = Connect();
        var applicationId = Scalar<long>(connection, "PRAGMA application_id");
        var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        if (tables == 0 && applicationId == 0)
        {
            using var command = Command(connection, "PRAGMA journal_mode = WAL", null);
            command.ExecuteNonQuery();
            using var transaction = connection.BeginTransaction();
            using var create = Command(connection, $"""
                PRAGMA application_id = {ApplicationId};
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES ({SchemaVersion});
                CREATE TABLE feedback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    client_id TEXT,
                    text TEXT NOT NULL,
                    claim_id TEXT,
                    claim_correct INTEGER CHECK (claim_correct IN (0, 1)),
                    note TEXT,
                    model TEXT NOT NULL,
                    received_at INTEGER NOT NULL
                );
                CREATE INDEX feedback_received_at ON feedback (received_at);
                CREATE TABLE feedback_labels (
                    feedback_id INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    judged INTEGER CHECK (judged IN (0, 1)),
                    score REAL,
                    flagged INTEGER CHECK (flagged IN (0, 1)),
                    PRIMARY KEY (feedback_id, label)
                ) WITHOUT ROWID;
                """, transaction);
            create.ExecuteNonQuery();
            transaction.Commit();
            return;
        }

        if (applicationId != ApplicationId)
        {
            throw new FeedbackStoreException($"{Path}: not a feedback store (a SQLite database of another program)");
        }

        var version = Scalar<long>(connection, "SELECT max(version) FROM schema_version");
        if (version != SchemaVersion)
        {
            throw new FeedbackStoreException($"{Path}: feedback store of schema version {version}; this build reads version {SchemaVersion}");
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        return (T)Convert.ChangeType(command.ExecuteScalar() ?? default(T)!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>A feedback store that cannot be opened, or a decision that cannot be stored; the message says why in plain words.</summary>
public sealed class FeedbackStoreException(string message) : Exception(message);
