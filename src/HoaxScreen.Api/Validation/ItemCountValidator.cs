using FluentValidation;
using FluentValidation.Validators;

namespace HoaxScreen.Api.Validation;

/// <summary>Bounds on a list's number of items, readable by the schema filter (a <c>Must</c> predicate is opaque to it).</summary>
public interface IItemCountValidator : IPropertyValidator
{
    int Min { get; }

    int Max { get; }
}

/// <summary>Fails when a list holds fewer than <see cref="Min"/> or more than <see cref="Max"/> items; a null list passes (NotNull says that).</summary>
public sealed class ItemCountValidator<T, TItem>(int min, int max) : PropertyValidator<T, IReadOnlyList<TItem>?>, IItemCountValidator
{
    public override string Name => "ItemCountValidator";

    public int Min => min;

    public int Max => max;

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem>? value) =>
        value is null || (value.Count >= min && value.Count <= max);

    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName} has too few or too many items.";
}

public static class ItemCountRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> MinimumCount<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int min) =>
        rule.SetValidator(new ItemCountValidator<T, TItem>(min, int.MaxValue));

    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> MaximumCount<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.SetValidator(new ItemCountValidator<T, TItem>(0, max));
}
