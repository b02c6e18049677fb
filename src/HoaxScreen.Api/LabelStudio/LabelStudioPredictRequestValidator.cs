using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// Rules for a predict call: 1..<c>Screening:MaxBatchSize</c> tasks, together within <c>Screening:MaxBatchTextLength</c>,
/// each with its post (a string in the configured text field) following the screening rules. Errors are keyed
/// <c>tasks[i].data.FIELD</c>.
/// </summary>
public sealed class LabelStudioPredictRequestValidator : AbstractValidator<LabelStudioPredictRequest>
{
    public LabelStudioPredictRequestValidator(IOptions<ScreeningOptions> screening, IOptions<LabelStudioOptions> labelStudio)
    {
        var limits = screening.Value;
        var field = labelStudio.Value.TextField;

        RuleFor(r => r.Tasks)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("tasks is required: a list of Label Studio tasks, e.g. [ { \"id\": 1, \"data\": { \"text\": \"...\" } } ].")
            .MinimumCount(1).WithMessage("tasks must contain at least one task.")
            .MaximumCount(limits.MaxBatchSize)
            .WithMessage(r => $"tasks must contain at most {limits.MaxBatchSize} tasks (Screening:MaxBatchSize); it has {r.Tasks!.Count}.");

        bool HasAcceptableSize(LabelStudioPredictRequest r) => r.Tasks is { Count: > 0 } tasks && tasks.Count <= limits.MaxBatchSize;

        RuleFor(r => r.Tasks)
            .Must(tasks => TotalLength(tasks!, field) <= limits.MaxBatchTextLength)
            .WithMessage(r =>
                $"the posts of one call may add up to at most {limits.MaxBatchTextLength} characters (Screening:MaxBatchTextLength); " +
                $"these add up to {TotalLength(r.Tasks!, field)}: lower the ML backend's batch size in Label Studio.")
            .When(HasAcceptableSize);

        RuleForEach(r => r.Tasks!)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each task must be an object with data.")
            .Must(task => task.Data is not null).WithMessage($"each task needs data holding the post in its '{field}' field.")
            .Must(task => task.Data!.ContainsKey(field))
            .WithMessage((_, task) => $"the task has no '{field}' field in its data (it has {Fields(task)}): import posts with a '{field}' field, or set LabelStudio:TextField.")
            .Must(task => task.TextIn(field) is not null).WithMessage($"data.{field} must be a string: the post.")
            .When(HasAcceptableSize);

        RuleForEach(r => r.Tasks!)
            .ChildRules(task => task.RuleFor(t => t.TextIn(field)).PostText(limits).OverridePropertyName($"data.{field}"))
            .When(r => HasAcceptableSize(r) && r.Tasks!.All(t => t?.TextIn(field) is not null));
    }

    private static string Fields(LabelStudioTask task) =>
        task.Data!.Count == 0 ? "no fields" : string.Join(", ", task.Data.Keys.Take(5).Select(k => $"'{(k.Length <= 32 ? k : k[..32] + "…")}'"));

    private static long TotalLength(IReadOnlyList<LabelStudioTask> tasks, string field) =>
        tasks.Sum(task => (long)(task?.TextIn(field)?.Length ?? 0));
}
