using FluentValidation;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using HoaxScreen.Core.Feedback;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>
/// Rules for a decision: the text as for screening; at least one judged label or a claim judgement; only labels the
/// serving model scores (read per request, so a reload that changes the labels applies at once); claimCorrect only
/// with claimId; bounded ids and note.
/// </summary>
public sealed class FeedbackRequestValidator : AbstractValidator<FeedbackRequest>
{
    public FeedbackRequestValidator(IOptions<ScreeningOptions> options, ModelHolder models)
    {
        var limits = options.Value;

        RuleFor(r => r.Text).PostText(limits);

        RuleFor(r => r.Id)
            .MaximumLength(limits.MaxIdLength)
            .WithMessage($"id must be at most {limits.MaxIdLength} characters; it has {{TotalLength}}.");

        RuleFor(r => r.Labels)
            .Cascade(CascadeMode.Stop)
            .Must((request, labels) => labels is { Count: > 0 } || request.ClaimCorrect is not null)
            .WithMessage("labels must judge at least one label, e.g. { \"hoax\": true }, unless the decision is about a claim (claimId with claimCorrect).")
            .Must(labels => labels is null || labels.Keys.All(models.Current.Model.Labels.Contains))
            .WithMessage(request => UnknownLabels(request.Labels!, models.Current.Model.Labels));

        RuleFor(r => r.ClaimId)
            .MaximumLength(FeedbackStore.MaxIdLength)
            .WithMessage($"claimId must be at most {FeedbackStore.MaxIdLength} characters; it has {{TotalLength}}.");

        RuleFor(r => r.ClaimCorrect)
            .Null()
            .When(r => string.IsNullOrWhiteSpace(r.ClaimId))
            .WithMessage("claimCorrect judges a known claim: send it with the claimId it is about.");

        RuleFor(r => r.Note)
            .MaximumLength(FeedbackStore.MaxNoteLength)
            .WithMessage($"note must be at most {FeedbackStore.MaxNoteLength} characters; it has {{TotalLength}}.");
    }

    private static string UnknownLabels(IReadOnlyDictionary<string, bool> labels, IReadOnlyList<string> known)
    {
        var unknown = labels.Keys.Where(label => !known.Contains(label)).Select(label => $"'{(label.Length <= 64 ? label : label[..64] + "…")}'");
        return $"labels has {string.Join(", ", unknown)}, which the serving model does not score; its labels are {string.Join(", ", known)}.";
    }
}
