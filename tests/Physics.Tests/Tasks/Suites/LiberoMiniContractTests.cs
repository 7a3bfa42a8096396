namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-mini.</summary>
public sealed class LiberoMiniContractTests : TaskContractTests<LiberoMiniContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoMini.Name;
}
