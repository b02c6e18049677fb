using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace HoaxScreen.Api.Modeling;

/// <summary>Creates prediction engines for one model; engines hold no per-request state, so every return is kept.</summary>
public sealed class PredictionEnginePolicy(ScoringModel model) : PooledObjectPolicy<PredictionEngine<PostInput, PostProbabilities>>
{
    public override PredictionEngine<PostInput, PostProbabilities> Create() => model.CreateEngine();

    public override bool Return(PredictionEngine<PostInput, PostProbabilities> obj) => true;
}
