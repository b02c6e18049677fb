using System.Diagnostics.Metrics;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Api.Telemetry;

/// <summary>
/// The service's own instruments, on the meter <see cref="MeterName"/>. Recording is on the scoring hot path, so it takes
/// no locks and allocates nothing: tags are single key/value pairs whose values are strings the model already holds.
/// </summary>
public sealed class HoaxScreenMetrics
{
    public const string MeterName = "HoaxScreen";

    public const string ScreenedName = "hoaxscreen.posts.screened";
    public const string FlaggedName = "hoaxscreen.posts.flagged";
    public const string ModelInfoName = "hoaxscreen.model.info";
    public const string ReloadsName = "hoaxscreen.model.reloads";

    public const string ReloadSucceeded = "success";
    public const string ReloadFailed = "failure";
    public const string ReloadBusy = "busy";

    private static readonly KeyValuePair<string, object?> FlaggedTrue = new("flagged", "true");
    private static readonly KeyValuePair<string, object?> FlaggedFalse = new("flagged", "false");

    private readonly Counter<long> _screened;
    private readonly Counter<long> _flagged;
    private readonly Counter<long> _reloads;
    private volatile string? _servedVersion;

    public HoaxScreenMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _screened = meter.CreateCounter<long>(
            ScreenedName, "{post}", "Posts scored (single and batch requests); flagged=\"true\" when any label is flagged.");
        _flagged = meter.CreateCounter<long>(
            FlaggedName, "{post}", "Posts flagged, per label (a post flagged for two labels counts once for each).");
        _reloads = meter.CreateCounter<long>(
            ReloadsName, "{reload}", "Model reloads by outcome (success, failure, busy) and trigger (admin endpoint, file watch).");
        meter.CreateObservableGauge(
            ModelInfoName, ObserveModel, "{model}", "The model version being served (always 1; the version is the label).");
    }

    /// <summary>Counts one scored post and each label it was flagged for.</summary>
    public void PostScreened(PostVerdict verdict)
    {
        if (!_screened.Enabled && !_flagged.Enabled)
        {
            return;
        }

        var labels = verdict.Labels;
        var flagged = false;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label.Flagged)
            {
                flagged = true;
                _flagged.Add(1, new KeyValuePair<string, object?>("label", label.Label));
            }
        }

        _screened.Add(1, flagged ? FlaggedTrue : FlaggedFalse);
    }

    /// <summary>
    /// Records which model version is served now (at start-up and after each successful reload), and starts the counters of
    /// its labels at 0, so a query over a label works before its first flagged post.
    /// </summary>
    public void ModelServed(string version, IReadOnlyList<string> labels)
    {
        _servedVersion = version;
        _screened.Add(0, FlaggedTrue);
        _screened.Add(0, FlaggedFalse);
        foreach (var label in labels)
        {
            _flagged.Add(0, new KeyValuePair<string, object?>("label", label));
        }
    }

    public void ModelReload(string outcome, string trigger) =>
        _reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("trigger", trigger));

    /// <summary>Only the served version is observed, so after a reload the previous version's series ends.</summary>
    private IEnumerable<Measurement<int>> ObserveModel()
    {
        if (_servedVersion is { } served)
        {
            yield return new Measurement<int>(1, new KeyValuePair<string, object?>("version", served));
        }
    }
}
