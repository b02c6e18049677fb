namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// The answer to a webhook: <c>stored</c> (with the feedback decision's id, and how many earlier decisions of the same
/// annotation it replaced) or <c>ignored</c> (with why).
/// </summary>
public sealed record LabelStudioWebhookResponse(string Status, string Detail, long? FeedbackId = null, int? Replaced = null);
