namespace RiptOrleans.Learner.Evaluation;

/// <summary>One task's evaluation outcome: successes over its episodes, mean episode length and failure reasons.</summary>
public sealed record TaskScore(string TaskId, int Episodes, int Successes, double MeanSteps, IReadOnlyDictionary<string, int> FailureReasons)
{
    public double SuccessRate => Episodes == 0 ? 0 : (double)Successes / Episodes;
}
