using System.Diagnostics.CodeAnalysis;
using HoaxScreen.Core.Adaptation;

namespace HoaxScreen.Bench.Adapt;

/// <summary>A system the adapt benchmark measures: a method, or a tuned variant of <c>local</c> (bench/results/adapt.md, "Tried").</summary>
public sealed record AdaptSystem(string Name, AdaptationMethod Method, LocalTuning? Tuning = null)
{
    /// <summary>The variants of local tried for issue 26's quality targets, by name.</summary>
    private static readonly Dictionary<string, LocalTuning> Variants = new(StringComparer.OrdinalIgnoreCase)
    {
        ["local-idf"] = new(IdfPenalty: true),
        ["local-f1"] = new(ChooseL2ByF1: true),
        ["local-thr"] = new(RethresholdWhenClear: true),
        ["local-bal"] = new(BalanceClasses: true),
        ["local-idf-f1"] = new(IdfPenalty: true, ChooseL2ByF1: true),
        ["local-idf-thr"] = new(IdfPenalty: true, RethresholdWhenClear: true),
        ["local-idf-bal"] = new(IdfPenalty: true, BalanceClasses: true),
        ["local-idf-f1-bal"] = new(IdfPenalty: true, ChooseL2ByF1: true, BalanceClasses: true),
        ["local-all"] = new(IdfPenalty: true, ChooseL2ByF1: true, RethresholdWhenClear: true),
        ["local-new"] = new(CommunityNgrams: true),
        ["local-newonly"] = new(CommunityNgrams: true, CommunityNgramsOnly: true),
        ["local-idf-new"] = new(IdfPenalty: true, CommunityNgrams: true),
        ["local-gate"] = new(SimilarityGate: true),
        ["local-new-gate"] = new(CommunityNgrams: true, SimilarityGate: true),
        ["local-bal-gate"] = new(BalanceClasses: true, SimilarityGate: true),
        ["local-idf-gate"] = new(IdfPenalty: true, SimilarityGate: true),
        ["local-idf-f1-gate"] = new(IdfPenalty: true, ChooseL2ByF1: true, SimilarityGate: true),
    };

    public static bool TryParse(string name, [NotNullWhen(true)] out AdaptSystem? system)
    {
        if (AdaptationMethods.TryParse(name, out var method))
        {
            system = new(AdaptationMethods.Name(method), method);
            return true;
        }

        system = Variants.TryGetValue(name, out var tuning) ? new(name.ToLowerInvariant(), AdaptationMethod.Local, tuning) : null;
        return system is not null;
    }
}
