using HoaxScreen.Api.Modeling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Model;

/// <summary><c>/v1/model</c>: describe the served model.</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/model").WithTags("Model");

        group.MapGet("", GetModel)
            .WithName("GetModel")
            .WithSummary("Describe the served model")
            .WithDescription(
                "Version, creation time, labels with their thresholds and held-out metrics, the training sources (path, rows, " +
                "SHA-256), trainer and normaliser settings from the bundle's manifest; lexicon sizes from the lexicons the model loaded.");

        return group;
    }

    public static Ok<ModelInfoResponse> GetModel(ModelHolder holder) =>
        TypedResults.Ok(ModelInfoResponse.From(holder.Current.Model));
}
