using System.Data.Common;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Labels;

namespace HoaxScreen.Core.Feedback;

/// <summary>
/// Moderators' decisions in one SQLite file (WAL journal; one writer, many readers, any number of processes, so several
/// replicas on one machine share one file) or a shared PostgreSQL database (<see cref="StoreDatabase"/>). One row per decision with the serving model's version, and one row per label of that
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

    private const string Columns =
        "f.id, f.client_id, f.text, f.claim_id, f.claim_correct, f.note, f.model, f.received_at, l.label, l.judged, l.score, l.flagged";

    private static readonly StoreSchema Schema = new("feedback", "feedback store", ApplicationId: 0x48784662 /* "HxFb" */, SchemaVersion, HasRevision: false, """
        CREATE TABLE feedback (
            id {identity},
            client_id TEXT,
            text TEXT NOT NULL,
            claim_id TEXT,
            claim_correct BIGINT CHECK (claim_correct IN (0, 1)),
            note TEXT,
            model TEXT NOT NULL,
            received_at BIGINT NOT NULL
        );
        CREATE INDEX feedback_received_at ON feedback (received_at);
        CREATE TABLE feedback_labels (
            feedback_id BIGINT NOT NULL,
            label TEXT NOT NULL,
            ordinal BIGINT NOT NULL,
            judged BIGINT CHECK (judged IN (0, 1)),
            score DOUBLE PRECISION,
            flagged BIGINT CHECK (flagged IN (0, 1)),
            PRIMARY KEY (feedback_id, label)
        ) {without_rowid};
        """);

    private readonly StoreDatabase _database;
    private readonly TimeProvider _clock;

    private FeedbackStore(StoreDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The store's file as a full path, or its PostgreSQL database's address.</summary>
    public string Path => _database.Location;

    /// <summary>
    /// Opens the store at <paramref name="path"/> (a SQLite file, or a PostgreSQL connection string starting
    /// <c>Host=</c>), creating the file or tables when missing.
    /// </summary>
    /// <exception cref="FeedbackStoreException">The folder is missing, the file is not a feedback store of this schema,
    /// or the PostgreSQL database cannot be used.</exception>
    public static FeedbackStore Open(string path, TimeProvider? clock = null) => Open(StoreDatabase.For(path), clock);

    /// <inheritdoc cref="Open(string, TimeProvider?)"/>
    public static FeedbackStore Open(StoreDatabase database, TimeProvider? clock = null)
    {
        database.Initialise(Schema, message => new FeedbackStoreException(message));
        return new FeedbackStore(database, clock ?? TimeProvider.System);
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
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        var id = connection.Scalar<long>("""
            INSERT INTO feedback (client_id, text, claim_id, claim_correct, note, model, received_at)
            VALUES (@client, @text, @claim, @correct, @note, @model, @received) RETURNING id
            """, transaction,
            ("@client", feedback.ClientId), ("@text", feedback.Text), ("@claim", feedback.ClaimId),
            ("@correct", feedback.ClaimCorrect is { } correct ? correct ? 1L : 0L : null), ("@note", feedback.Note),
            ("@model", model), ("@received", receivedAt.ToUnixTimeMilliseconds()));

        using var label = connection.Command("""
            INSERT INTO feedback_labels (feedback_id, label, ordinal, judged, score, flagged) VALUES (@id, @label, @ordinal, @judged, @score, @flagged)
            """, transaction);
        var name = label.Bind("@label", null);
        var ordinal = label.Bind("@ordinal", null);
        var judged = label.Bind("@judged", null);
        var score = label.Bind("@score", null);
        var flagged = label.Bind("@flagged", null);
        label.Bind("@id", id);
        // The model's label order, then any judged label it does not score.
        foreach (var (key, index) in scores.Keys.Union(feedback.Labels.Keys, StringComparer.Ordinal).Select((key, index) => (key, index)))
        {
            name.Value = key;
            ordinal.Value = (long)index;
            judged.Value = feedback.Labels.TryGetValue(key, out var value) ? value ? 1L : 0L : DBNull.Value;
            (score.Value, flagged.Value) = scores.TryGetValue(key, out var judgement)
                ? ((object)(double)judgement.Score, (object)(judgement.Flagged ? 1L : 0L))
                : (DBNull.Value, DBNull.Value);
            label.ExecuteNonQuery();
        }

        transaction.Commit();
        return Get(id)!;
    }

    /// <summary>The decision, or null when there is none of that id.</summary>
    public FeedbackDecision? Get(long id)
    {
        using var connection = _database.Connect();
        return Read(connection, "WHERE id = @id", "ASC", command => command.Bind("@id", id)).FirstOrDefault();
    }

    /// <summary>How many decisions are stored.</summary>
    public int Count()
    {
        using var connection = _database.Connect();
        return (int)connection.Scalar<long>("SELECT count(*) FROM feedback");
    }

    /// <summary>A page of decisions, newest first.</summary>
    public IReadOnlyList<FeedbackDecision> Page(int skip, int take)
    {
        using var connection = _database.Connect();
        return [.. Read(connection, "ORDER BY id DESC LIMIT @take OFFSET @skip", "DESC", command =>
        {
            command.Bind("@take", (long)take);
            command.Bind("@skip", (long)skip);
        })];
    }

    /// <summary>Every decision, oldest first, read as it is enumerated (for exports of any size).</summary>
    public IEnumerable<FeedbackDecision> All()
    {
        using var connection = _database.Connect();
        foreach (var decision in Read(connection, string.Empty, "ASC", _ => { }))
        {
            yield return decision;
        }
    }

    /// <summary>Every label some decision judged, by name: the label columns of an export.</summary>
    public IReadOnlyList<string> JudgedLabels()
    {
        using var connection = _database.Connect();
        using var select = connection.Command("SELECT DISTINCT label FROM feedback_labels WHERE judged IS NOT NULL ORDER BY label");
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
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        connection.Execute("DELETE FROM feedback_labels WHERE feedback_id = @id", transaction, ("@id", id));
        var deleted = connection.Execute("DELETE FROM feedback WHERE id = @id", transaction, ("@id", id)) > 0;
        transaction.Commit();
        return deleted;
    }

    /// <summary>Deletes every decision received more than <paramref name="days"/> days ago; returns how many.</summary>
    public int DeleteOlderThan(int days)
    {
        var cutoff = _clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        using var connection = _database.Connect();
        using var transaction = _database.BeginWrite(connection);
        connection.Execute(
            "DELETE FROM feedback_labels WHERE feedback_id IN (SELECT id FROM feedback WHERE received_at < @cutoff)", transaction, ("@cutoff", cutoff));
        var deleted = connection.Execute("DELETE FROM feedback WHERE received_at < @cutoff", transaction, ("@cutoff", cutoff));
        transaction.Commit();
        return deleted;
    }

    /// <summary>Per label, the model's agreement with its moderators: over every decision, and over the last <paramref name="days"/> days.</summary>
    public FeedbackSummary Summary(int days)
    {
        var since = _clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        using var connection = _database.Connect();
        using var transaction = _database.BeginRead(connection);
        return new FeedbackSummary(
            Decisions(connection, transaction, long.MinValue), Agreement(connection, transaction, long.MinValue),
            days, Decisions(connection, transaction, since), Agreement(connection, transaction, since));
    }

    private static int Decisions(DbConnection connection, DbTransaction transaction, long since) =>
        connection.Scalar<int>("SELECT count(*) FROM feedback WHERE received_at >= @since", transaction, ("@since", since));

    private static List<LabelAgreement> Agreement(DbConnection connection, DbTransaction transaction, long since)
    {
        using var select = connection.Command("""
            SELECT l.label, count(*), sum(l.judged), sum(coalesce(l.flagged, 0)), sum(l.judged * coalesce(l.flagged, 0))
            FROM feedback_labels l JOIN feedback f ON f.id = l.feedback_id
            WHERE l.judged IS NOT NULL AND f.received_at >= @since
            GROUP BY l.label ORDER BY l.label
            """, transaction);
        select.Bind("@since", since);
        using var reader = select.ExecuteReader();
        var labels = new List<LabelAgreement>();
        while (reader.Read())
        {
            labels.Add(new LabelAgreement(reader.GetString(0), reader.GetCount(1), reader.GetCount(2), reader.GetCount(3), reader.GetCount(4)));
        }

        return labels;
    }

    /// <summary>Decisions of the feedback rows <paramref name="clause"/> selects, each with its labels.</summary>
    private static IEnumerable<FeedbackDecision> Read(DbConnection connection, string clause, string order, Action<DbCommand> bind)
    {
        using var select = connection.Command($"""
            SELECT {Columns} FROM (SELECT * FROM feedback {clause}) f LEFT JOIN feedback_labels l ON l.feedback_id = f.id
            ORDER BY f.id {order}, l.ordinal
            """);
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

    private static string? NullableString(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>A feedback store that cannot be opened, or a decision that cannot be stored; the message says why in plain words.</summary>
public sealed class FeedbackStoreException(string message) : Exception(message);
