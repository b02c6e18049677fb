using System.Reflection;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Builds ML.NET's calibrated linear head objects from given weights. ML.NET makes them only inside its trainers: the
/// constructors are internal in Microsoft.ML 5.0.1 (pinned in Directory.Packages.props), so they are called by
/// reflection here, in one place. The adaptation tests save, reload and score what this builds, so a package update
/// that changes them fails those tests rather than serving.
/// </summary>
internal static class MlNetHeads
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static PlattCalibrator Platt(MLContext ml, double slope, double offset) =>
        Create<PlattCalibrator>([typeof(IHostEnvironment), typeof(double), typeof(double)], ml, slope, offset);

    public static CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> Calibrated(MLContext ml, float[] weights, float bias, PlattCalibrator calibrator)
    {
        var vector = new VBuffer<float>(weights.Length, weights);
        var linear = Create<LinearBinaryModelParameters>(
            [typeof(IHostEnvironment), typeof(VBuffer<float>).MakeByRefType(), typeof(float), typeof(ModelStatisticsBase)], ml, vector, bias, null);
        // The concrete type ML.NET's trainers return (internal too): what LinearHeads.Extract reads after a reload.
        var mixing = typeof(CalibratedModelParametersBase<,>).Assembly
            .GetType("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2", throwOnError: true)!
            .MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
        return (CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>)Create(
            mixing, [typeof(IHostEnvironment), typeof(LinearBinaryModelParameters), typeof(PlattCalibrator)], ml, linear, calibrator);
    }

    public static ITransformer Transformer(MLContext ml, CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> model, DataViewSchema inputSchema) =>
        Create<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>>(
            [typeof(IHostEnvironment), typeof(CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>), typeof(DataViewSchema), typeof(string), typeof(float), typeof(string)],
            ml, model, inputSchema, ModelColumns.Features, 0f, "Score");

    private static T Create<T>(Type[] parameters, params object?[] arguments) => (T)Create(typeof(T), parameters, arguments);

    private static object Create(Type type, Type[] parameters, params object?[] arguments)
    {
        var constructor = type.GetConstructor(Instance, null, parameters, null)
            ?? throw new InvalidOperationException($"this ML.NET version has no {type.Name} constructor taking ({string.Join(", ", parameters.Select(p => p.Name))})");
        return constructor.Invoke(arguments);
    }
}
