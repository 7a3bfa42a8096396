namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-spatial.</summary>
public sealed class LiberoSpatialContractTests : TaskContractTests<LiberoSpatialContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoSpatial.Name;
}
