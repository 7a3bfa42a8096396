namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-10; two contexts per task for its long expert episodes.</summary>
public sealed class LiberoTenContractTests : TaskContractTests<LiberoTenContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoTen.Name;

    public static int ExpertSample => 2;
}
