namespace RiptOrleans.Learner.Runs;

/// <summary>What a command does with a run directory that already holds a run.</summary>
public enum RunStart
{
    /// <summary>Start a new run; refuse a directory that holds one (its history would be lost).</summary>
    Fresh,

    /// <summary>Continue the run the directory holds (or start one where it holds none).</summary>
    Resume,

    /// <summary>Start over: the old run moves to RUN/.previous-&lt;time&gt;/, nothing is deleted.</summary>
    Force,
}
