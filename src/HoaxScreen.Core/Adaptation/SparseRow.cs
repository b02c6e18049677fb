namespace HoaxScreen.Core.Adaptation;

/// <summary>One feedback post as the base model sees it: its sparse feature vector and, per label, the base's logit.</summary>
public sealed record SparseRow(int[] Slots, float[] Values, double[] BaseLogits);
