using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Security;
using HoaxScreen.Api.Validation;

namespace HoaxScreen.Api.Endpoints;

/// <summary>
/// The <c>/v1</c> route group: request validation, the <c>screening</c> policy (a screening or admin key when keys are on),
/// the per-caller rate limit and the error metadata shared by every v1 endpoint.
/// </summary>
public static class ApiV1Endpoints
{
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1")
            .RequireAuthorization(ApiRoles.ScreeningPolicy)
            .WithMetadata(ClientRateLimitMetadata.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.AddEndpointFilterFactory(ValidationFilter.Create);
        v1.MapScreeningEndpoints();
        v1.MapModelEndpoints();
        return v1;
    }
}
