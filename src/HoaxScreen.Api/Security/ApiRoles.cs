namespace HoaxScreen.Api.Security;

/// <summary>What an API key may do, and the authorization policies that check it.</summary>
public static class ApiRoles
{
    /// <summary>Screen posts and read the model description.</summary>
    public const string Screening = "screening";

    /// <summary>Everything <see cref="Screening"/> may do, plus model reloads.</summary>
    public const string Admin = "admin";

    /// <summary>Policy of <c>/v1</c>: a screening or admin key (anyone when keys are off).</summary>
    public const string ScreeningPolicy = "screening";

    /// <summary>Policy of <c>/admin</c>: an admin key; while keys are off, a caller on this machine (loopback) only.</summary>
    public const string AdminPolicy = "admin";

    public static bool IsKnown(string? role) => role is Screening or Admin;
}
