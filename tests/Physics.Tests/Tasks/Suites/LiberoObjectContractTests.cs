namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>The task contract over libero-object.</summary>
public sealed class LiberoObjectContractTests : TaskContractTests<LiberoObjectContractTests>, ISuiteUnderTest
{
    public static string Suite => Physics.Tasks.Suites.LiberoObject.Name;
}
