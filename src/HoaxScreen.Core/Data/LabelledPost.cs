namespace HoaxScreen.Core.Data;

/// <summary>One post with a value per dataset label: true, false, or null when the source does not know it.</summary>
public sealed record LabelledPost(string Text, bool?[] Labels, string SourcePath, int Line);
