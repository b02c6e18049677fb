using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Hosting;

/// <summary>Validates every option marked ValidateOnStart, including values that do not convert.</summary>
public sealed class ValidateOptionsStep(IEnumerable<IStartupValidator> validators) : IStartupStep
{
    public void Run()
    {
        foreach (var validator in validators)
        {
            validator.Validate();
        }
    }
}
