namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over MetaWorld's 50 tasks; one expert context each (the 50-context table is `ript experts`).</summary>
public sealed class MetaWorldContractTests : TaskContractTests<MetaWorldContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.MetaWorld.Name;

    public static int ExpertSample => 1;
}
