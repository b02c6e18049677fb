using HoaxScreen.Api;
using HoaxScreen.Api.Adaptation;
using HoaxScreen.Api.Admin;
using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Documentation;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.Health;
using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.LabelStudio;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Playground;
using HoaxScreen.Api.Risks;
using HoaxScreen.Api.Screening;
using HoaxScreen.Api.Security;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Api.TermLists;
using HoaxScreen.Api.Validation;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHoaxScreenOptions();
builder.Services.AddStartupSteps();
builder.Services.AddModelServing();
builder.Services.AddClaimMatching();
builder.Services.AddTermLists();
builder.Services.AddFeedback();
builder.Services.AddLabelStudio();
builder.Services.AddAdaptation();
builder.Services.AddRiskRules();
builder.Services.AddScreening();
builder.Services.AddRequestValidation();
builder.Services.AddApiErrorHandling();
builder.Services.AddApiLimits();
builder.Services.AddApiSecurity();
builder.Services.AddApiHealthChecks();
builder.Services.AddApiDocumentation();
builder.Services.AddApiTelemetry();
builder.Services.AddPlayground();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseApiErrorHandling();
app.UseApiSecurity();
app.UseApiLimits();
app.UseApiDocumentation();
app.UsePlayground();
app.MapApiV1();
app.MapAdminEndpoints();
app.MapLabelStudio();
app.MapHealthEndpoints();
app.MapApiMetrics();

return app.RunService();

/// <summary>The application entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
