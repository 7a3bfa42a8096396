namespace RiptOrleans.Physics.Data;

/// <summary>One demonstration: where it started (its context), the observations it saw and the actions it took.</summary>
/// <param name="ContextId">The training context it started from (DESIGN §3 ContextId).</param>
/// <param name="InitState">The full physics state at reset; RL contexts are drawn from these (spec A11).</param>
/// <param name="Observations">(T+1) x obsDim, row-major: every observation including the final one.</param>
/// <param name="Actions">T x actionDim, row-major.</param>
/// <param name="Images">Per camera, (T+1) x H x W x 3 RGB bytes, top row first; empty without images.</param>
public sealed record DemoEpisode(string ContextId, int Seed, double[] InitState, int Steps, float[] Observations, float[] Actions,
    IReadOnlyDictionary<string, byte[]> Images);
