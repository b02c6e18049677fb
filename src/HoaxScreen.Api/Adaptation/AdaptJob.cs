using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Adaptation;

namespace HoaxScreen.Api.Adaptation;

/// <summary>
/// One adaptation job's state, written by the job's task and read by status requests (hence the lock). The base is the
/// model that served when the job started; the target folder is under <c>Model:ReloadRoot</c>.
/// </summary>
public sealed class AdaptJob(string id, AdaptationMethod method, LoadedModel baseModel, string outFolder, string targetDirectory, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private readonly List<string> _progress = [];
    private AdaptJobStatus _status = AdaptJobStatus.Queued;
    private DateTimeOffset? _finishedAt;
    private string? _newVersion;
    private IReadOnlyList<LabelAdaptation>? _labels;
    private string? _error;

    public string Id => id;

    public AdaptationMethod Method => method;

    public LoadedModel Base => baseModel;

    public string OutFolder => outFolder;

    public string TargetDirectory => targetDirectory;

    public AdaptJobStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public bool Finished => Status is not (AdaptJobStatus.Queued or AdaptJobStatus.Running);

    public void Running() => Update(() => _status = AdaptJobStatus.Running);

    public void Progress(string line) => Update(() => _progress.Add(line));

    public void Fitted(IReadOnlyList<LabelAdaptation> labels) => Update(() => _labels = labels);

    public void Written(string newVersion) => Update(() => _newVersion = newVersion);

    public void End(AdaptJobStatus status, DateTimeOffset at, string? error = null) => Update(() =>
    {
        _status = status;
        _finishedAt = at;
        _error = error;
        if (error is not null)
        {
            _progress.Add(error);
        }
    });

    public AdaptJobResponse Snapshot()
    {
        lock (_gate)
        {
            return new AdaptJobResponse
            {
                Job = id,
                Status = AdaptJobStatuses.Name(_status),
                Method = AdaptationMethods.Name(method),
                OutFolder = outFolder,
                Progress = [.. _progress],
                StartedAt = startedAt,
                FinishedAt = _finishedAt,
                BaseVersion = baseModel.Version,
                NewVersion = _newVersion,
                PerLabel = _labels?.Select(Label).ToList(),
                Error = _error,
            };
        }
    }

    private static AdaptJobLabel Label(LabelAdaptation label) => new()
    {
        Label = label.Label,
        Method = label.Method,
        KeptBaseReason = label.Reason,
        Judged = label.Rows,
        Positives = label.Positives,
        Before = label.Before is { } before ? new AdaptJobEstimate(label.BaseThreshold, before.F1, before.RocAuc) : null,
        After = label.After is { } after ? new AdaptJobEstimate(label.Threshold, after.F1, after.RocAuc) : null,
    };

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}
