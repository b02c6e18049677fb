namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Moderators' decisions as adaptation reads them, however they were stored: a text and, per label of the base bundle
/// (in its order), true, false or null (not judged).
/// </summary>
/// <param name="Name">What the decisions came from (a file name, the service's store), recorded in the adapted bundle.</param>
/// <param name="Sha256">A hash of the decisions as read, recorded beside <paramref name="Name"/>.</param>
public sealed record AdaptationFeedback(string Name, string Sha256, IReadOnlyList<string> Texts, IReadOnlyList<bool?[]> Labels);
