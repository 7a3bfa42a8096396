using RiptOrleans.Physics.Native;

namespace RiptOrleans.Physics.Tests.Native;

[Trait("Category", "Fast")]
public class MujocoFieldsTests
{
    [Fact]
    public void Verify_NativeTablesAndEnums_Agree()
    {
        MujocoFields.Verify();
    }

    [Fact]
    public void SnakeCase_PascalNames_MatchMujocoSpelling()
    {
        Assert.Equal("qacc_warmstart", MujocoFields.SnakeCase("QaccWarmstart"));
        Assert.Equal("jnt_qposadr", MujocoFields.SnakeCase("JntQposadr"));
        Assert.Equal("qpos0", MujocoFields.SnakeCase("Qpos0"));
    }

    [Fact]
    public void Version_HeaderAndLibrary_Match()
    {
        Assert.Equal(0, MujocoNative.rm_version(out var header, out var library));
        Assert.Equal(header, library);
        Assert.Equal(222, library);
    }
}
