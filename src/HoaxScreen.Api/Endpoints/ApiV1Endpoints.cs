using HoaxScreen.Api.Validation;

namespace HoaxScreen.Api.Endpoints;

/// <summary>The <c>/v1</c> route group: request validation and error metadata shared by every v1 endpoint.</summary>
public static class ApiV1Endpoints
{
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.AddEndpointFilterFactory(ValidationFilter.Create);
        v1.MapScreeningEndpoints();
        v1.MapModelEndpoints();
        return v1;
    }
}
