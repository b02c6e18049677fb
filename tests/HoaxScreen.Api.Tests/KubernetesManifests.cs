using HoaxScreen.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace HoaxScreen.Api.Tests;

/// <summary>The YAML documents of deploy/kubernetes, parsed, with small accessors for the fields the tests check.</summary>
internal static class KubernetesManifests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "deploy", "kubernetes");

    /// <summary>Every document of every .yaml file in the folder (kustomization.yaml included).</summary>
    public static IReadOnlyList<Manifest> All { get; } = Load();

    public static IEnumerable<Manifest> Resources => All.Where(manifest => manifest.Kind != "Kustomization");

    public static Manifest Single(string kind) => All.Single(manifest => manifest.Kind == kind);

    /// <summary>The manifest of this kind and name, where a kind has several (the app's Service and the database's).</summary>
    public static Manifest Named(string kind, string name) => All.Single(manifest => manifest.Kind == kind && manifest.Name == name);

    private static List<Manifest> Load()
    {
        var manifests = new List<Manifest>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            foreach (var document in stream.Documents)
            {
                manifests.Add(new Manifest(Path.GetFileName(file), (YamlMappingNode)document.RootNode));
            }
        }

        return manifests;
    }

    /// <summary>The node at <paramref name="path"/>: mapping keys (strings) and sequence indices (ints); null where absent.</summary>
    public static YamlNode? At(this YamlNode node, params object[] path)
    {
        YamlNode? current = node;
        foreach (var step in path)
        {
            current = (current, step) switch
            {
                (YamlMappingNode mapping, string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                (YamlSequenceNode sequence, int index) => index < sequence.Children.Count ? sequence.Children[index] : null,
                _ => null,
            };
        }

        return current;
    }

    /// <summary>The scalar at <paramref name="path"/>; fails the test when it is absent or not a scalar.</summary>
    public static string Text(this YamlNode node, params object[] path) =>
        (node.At(path) as YamlScalarNode)?.Value ?? throw new AssertionException($"no scalar at {string.Join('.', path)}");

    public static IEnumerable<YamlNode> Items(this YamlNode node, params object[] path) =>
        node.At(path) as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    /// <summary>A mapping of scalars (labels, selectors, data) as a dictionary.</summary>
    public static Dictionary<string, string> Pairs(this YamlNode node, params object[] path) =>
        (node.At(path) as YamlMappingNode)?.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!)
        ?? [];

    public sealed record Manifest(string File, YamlMappingNode Root)
    {
        public string Kind => Root.Text("kind");

        public string Name => Root.At("metadata", "name") is YamlScalarNode name ? name.Value! : string.Empty;
    }
}
