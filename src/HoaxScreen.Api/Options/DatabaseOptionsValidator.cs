using HoaxScreen.Core.Data;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>
/// With a shared database configured, it must be a PostgreSQL connection string and the database must answer: checked
/// at start-up, so a wrong host or password is one line before the first request, not a failure inside one.
/// </summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!options.Shared)
        {
            return ValidateOptionsResult.Success;
        }

        if (!PostgresStoreDatabase.IsConnectionString(options.HoaxScreen))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:HoaxScreen must be a PostgreSQL connection string starting with Host= (Host=db;Database=hoaxscreen;Username=...;Password=...).");
        }

        return PostgresStoreDatabase.Problem(options.HoaxScreen!) is { } problem
            ? ValidateOptionsResult.Fail($"ConnectionStrings:HoaxScreen: {problem}")
            : ValidateOptionsResult.Success;
    }
}
