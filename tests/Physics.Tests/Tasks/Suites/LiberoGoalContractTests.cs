namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-goal.</summary>
public sealed class LiberoGoalContractTests : TaskContractTests<LiberoGoalContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoGoal.Name;
}
