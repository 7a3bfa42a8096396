namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-90; one context per task for the expert, the suite being large (the 50-context table is `ript experts`).</summary>
public sealed class LiberoNinetyContractTests : TaskContractTests<LiberoNinetyContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoNinety.Name;

    public static int ExpertSample => 1;
}
