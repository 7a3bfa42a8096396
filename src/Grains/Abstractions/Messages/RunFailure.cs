namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>Why a run failed: the caller maps it to an exit code and wording.</summary>
[GenerateSerializer, Alias("ript.RunFailure")]
public enum RunFailure
{
    None,
    /// <summary>RIPT's acceptance stopped the run (RiptRejectionException): success absent or certain, or the rollout budget spent with no group mixed.</summary>
    Rejection,
    /// <summary>Bad input: a missing or corrupt checkpoint, an unknown task, a mismatched config.</summary>
    Input,
    /// <summary>Anything else (a bug, a cancelled run).</summary>
    Internal,
}
