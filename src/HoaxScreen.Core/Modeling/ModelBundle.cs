using System.Text.Json;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Modeling;

/// <summary>The files of a model bundle folder.</summary>
public static class ModelBundle
{
    public const string ModelFile = "model.zip";
    public const string ManifestFile = "manifest.json";
    public const string ReportFile = "report.md";
    public const string LicenseFile = "LICENSE.md";

    public static ModelManifest ReadManifest(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new ModelBundleException($"{bundleDirectory}: not a model bundle (no {ManifestFile})");
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new ModelBundleException($"{path}: unreadable manifest ({ex.Message.Split('\n')[0]})", ex);
        }

        if (manifest is null || manifest.Labels is not { Count: > 0 })
        {
            throw new ModelBundleException($"{path}: manifest lists no labels");
        }

        if (manifest.Format != ModelManifest.CurrentFormat)
        {
            throw new ModelBundleException($"{path}: bundle format {manifest.Format} is not supported (expected {ModelManifest.CurrentFormat})");
        }

        return manifest;
    }

    public static void WriteManifest(string bundleDirectory, ModelManifest manifest) =>
        File.WriteAllText(Path.Combine(bundleDirectory, ManifestFile), JsonSerializer.Serialize(manifest, JsonDefaults.Options) + "\n");
}

/// <summary>A model bundle that is missing, corrupt or incompatible.</summary>
public sealed class ModelBundleException(string message, Exception? inner = null) : Exception(message, inner);
