namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Fits a <see cref="ResidualFit"/> by L-BFGS on the penalised log-loss. The problem is small (hundreds of rows, the
/// slots they hold) and convex, so a plain deterministic solver is enough and needs no ML.NET data views.
/// </summary>
public static class ResidualSolver
{
    /// <summary>Weak pull of α towards 1 and β towards 0: keeps them finite when the base's logit alone separates the rows.</summary>
    private const double AnchorPenalty = 1.0;

    private const int History = 8;
    private const int MaxIterations = 300;

    /// <param name="l2">λ for v; <see cref="double.PositiveInfinity"/> fits α and β only (Platt re-calibration).</param>
    /// <param name="fixAlpha">Keep α = 1: the base's head retrained on the feedback with a prior centred on it (warm start).</param>
    /// <param name="fixBeta">Keep β = 0 too: only the correction v changes, so posts unlike the feedback keep their base scores.</param>
    /// <param name="slotPenalty">Per feature slot, a factor on λ (null: 1 for every slot).</param>
    /// <param name="positiveWeight">Weight of a positive row's loss (1: unweighted).</param>
    public static ResidualFit Fit(IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> truths, int label, double l2, bool fixAlpha, bool fixBeta = false,
        Func<int, double>? slotPenalty = null, double positiveWeight = 1)
    {
        // Compact the slots the rows hold into 2.. (0 = α, 1 = β).
        var index = new Dictionary<int, int>();
        var withCorrection = !double.IsPositiveInfinity(l2);
        if (withCorrection)
        {
            foreach (var row in rows)
            {
                foreach (var slot in row.Slots)
                {
                    index.TryAdd(slot, index.Count + 2);
                }
            }
        }

        var size = index.Count + 2;
        var local = rows.Select(r => withCorrection ? r.Slots.Select(s => index[s]).ToArray() : []).ToArray();
        var penalty = new double[size];
        foreach (var (slot, at) in index)
        {
            penalty[at] = l2 * (slotPenalty?.Invoke(slot) ?? 1);
        }

        var theta = new double[size];
        theta[0] = 1;
        var gradient = new double[size];

        double Evaluate(double[] at, double[] grad)
        {
            Array.Clear(grad);
            double loss = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var z = at[0] * row.BaseLogits[label] + at[1];
                for (var j = 0; j < local[i].Length; j++)
                {
                    z += at[local[i][j]] * row.Values[j];
                }

                // log(1 + e^{-y z}) and its derivative, stable for large |z|.
                var yz = truths[i] ? z : -z;
                var weight = truths[i] ? positiveWeight : 1;
                loss += weight * (yz > 0 ? Math.Log(1 + Math.Exp(-yz)) : -yz + Math.Log(1 + Math.Exp(yz)));
                var d = weight * (ResidualFit.Sigmoid(z) - (truths[i] ? 1 : 0));
                grad[0] += d * row.BaseLogits[label];
                grad[1] += d;
                for (var j = 0; j < local[i].Length; j++)
                {
                    grad[local[i][j]] += d * row.Values[j];
                }
            }

            loss += AnchorPenalty / 2 * ((at[0] - 1) * (at[0] - 1) + at[1] * at[1]);
            grad[0] += AnchorPenalty * (at[0] - 1);
            grad[1] += AnchorPenalty * at[1];
            for (var k = 2; k < at.Length; k++)
            {
                loss += penalty[k] / 2 * at[k] * at[k];
                grad[k] += penalty[k] * at[k];
            }

            if (fixAlpha)
            {
                grad[0] = 0;
            }

            if (fixBeta)
            {
                grad[1] = 0;
            }

            return loss;
        }

        Minimize(Evaluate, theta, gradient);
        var correction = new Dictionary<int, double>();
        foreach (var (slot, at) in index)
        {
            if (theta[at] != 0)
            {
                correction[slot] = theta[at];
            }
        }

        return new ResidualFit(theta[0], theta[1], correction);
    }

    /// <summary>L-BFGS (two-loop recursion) with a backtracking Armijo line search; stops on a small gradient or no progress.</summary>
    private static void Minimize(Func<double[], double[], double> evaluate, double[] x, double[] g)
    {
        var n = x.Length;
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var f = evaluate(x, g);
        var direction = new double[n];
        var candidate = new double[n];
        var candidateGradient = new double[n];
        var alphas = new double[History];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (Norm(g) <= 1e-6 * Math.Max(1, Norm(x)))
            {
                return;
            }

            // direction = -H·g
            Array.Copy(g, direction, n);
            for (var k = s.Count - 1; k >= 0; k--)
            {
                alphas[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alphas[k], y[k], direction);
            }

            if (s.Count > 0)
            {
                var last = s.Count - 1;
                Scale(direction, Dot(s[last], y[last]) / Dot(y[last], y[last]));
            }

            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * Dot(y[k], direction);
                Axpy(alphas[k] - beta, s[k], direction);
            }

            Scale(direction, -1);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (curvature went stale): restart from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                Array.Copy(g, direction, n);
                Scale(direction, -1);
                slope = Dot(g, direction);
            }

            var step = iteration == 0 && s.Count == 0 ? 1 / Math.Max(1, Norm(g)) : 1.0;
            double fNew;
            var tries = 0;
            while (true)
            {
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = x[i] + step * direction[i];
                }

                fNew = evaluate(candidate, candidateGradient);
                if (fNew <= f + 1e-4 * step * slope || ++tries > 40)
                {
                    break;
                }

                step /= 2;
            }

            if (tries > 40)
            {
                return;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++)
            {
                sk[i] = candidate[i] - x[i];
                yk[i] = candidateGradient[i] - g[i];
            }

            var sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == History)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / sy);
            }

            var improvement = f - fNew;
            Array.Copy(candidate, x, n);
            Array.Copy(candidateGradient, g, n);
            f = fNew;
            if (improvement <= 1e-10 * Math.Max(1, Math.Abs(f)))
            {
                return;
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(double[] x, double a)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}
