using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Documentation;

/// <summary>Examples for <c>POST /v1/feedback</c>: each runs as it is on a service with <c>Feedback:Path</c> set and the default model.</summary>
public static class FeedbackExamples
{
    public static IReadOnlyList<NamedExample> Submit { get; } =
    [
        new("confirmedHoax", "Moderator: hoaks, tanpa ujaran kebencian",
            "A moderator confirms the chain message is a hoax and judges it not hate speech; other labels are left unjudged.",
            new JsonObject
            {
                ["id"] = "wa-forward-0001",
                ["text"] = RequestExamples.WhatsAppHoaxText,
                ["labels"] = new JsonObject { ["hoax"] = true, ["hate_speech"] = false },
            }),
        new("falseAlarm", "Moderator: bukan kata kasar (salah tandai)",
            "A post the model may misjudge, marked clean for abuse and hate speech, with a note for the team.",
            new JsonObject
            {
                ["id"] = "post-0003",
                ["text"] = RequestExamples.CleanPostText,
                ["labels"] = new JsonObject { ["abusive"] = false, ["hate_speech"] = false },
                ["note"] = "Pengumuman TPS biasa.",
            }),
        new("claimMatchConfirmed", "Moderator: cocok dengan hoaks yang sudah dibantah",
            "Confirms the known-claim match tc-0001 (a claim of data/claims) and that the post is a hoax.",
            new JsonObject
            {
                ["text"] = ClaimExamples.VaccinePost,
                ["labels"] = new JsonObject { ["hoax"] = true },
                ["claimId"] = "tc-0001",
                ["claimCorrect"] = true,
            }),
    ];
}
