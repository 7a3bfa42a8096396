using RiptOrleans.Learner.Sft;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Commands;
using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Every command that writes refuses an unusable output path before its work, in one line naming the path, exit 1.</summary>
[Collection("Console")]
[Trait("Category", "Fast")]
public sealed class OutputPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-out-").FullName;
    private readonly string _file;

    public OutputPathTests()
    {
        _file = Path.Combine(_dir, "a-file");
        File.WriteAllText(_file, "not a directory");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertOneLineFailure((int Code, string Stdout, string Stderr) result, string path)
    {
        Assert.Equal(1, result.Code);
        Assert.Contains(path, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Directory_AnExistingFile_IsRefusedNamingIt() =>
        Assert.Equal($"{_file} is a file; x needs a directory there", OutputPath.Directory(_file, "x"));

    [Fact]
    public void Directory_BelowAFile_CannotBeWritten() =>
        Assert.StartsWith($"{_file}/sub: cannot write there", OutputPath.Directory(Path.Combine(_file, "sub"), "x"));

    [Fact]
    public void File_AnExistingDirectory_AsksForAFileName() =>
        Assert.StartsWith($"{_dir} is a directory", OutputPath.File(_dir, "x"));

    [Fact]
    public void File_InAMissingDirectory_IsFineAndCreatesIt()
    {
        Assert.Null(OutputPath.File(Path.Combine(_dir, "new", "a.png"), "x"));
        Assert.True(Directory.Exists(Path.Combine(_dir, "new")));
    }

    [Fact]
    public void Demos_OutIsAFile_FailsBeforeGenerating() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => DemosCommand.Run(null, "metaworld-mini/reach", 50, _file, 0, false, 64, false)), _file);

    [Fact]
    public void Sft_OutBelowAFile_FailsBeforeTraining() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => SftCommand.Run(new SftOptions { Task = "metaworld-mini/reach", Out = Path.Combine(_file, "run") }, json: false)), _file);

    [Fact]
    public void Train_OutIsAFile_FailsBeforeTheSiloStarts() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => TrainCommand.RunAsync(new TrainOptions { Checkpoint = "c", Task = "metaworld-mini/reach", Out = _file }, json: false, default).Result), _file);

    [Fact]
    public void Render_OutIsADirectory_AsksForAFile() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => RenderCommand.Run(new RenderOptions(null, null, _dir, 64, 64, null, false) { Task = "metaworld-mini/reach" })), _dir);

    [Fact]
    public void Eval_VideoIsAFile_FailsBeforeLoading() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => EvalCommand.Run(Path.Combine(_dir, "no-checkpoint"), null, "metaworld-mini/reach", 5, 1, _file, 1, false, false)), _file);

    [Fact]
    public void Quickstart_OutIsAFile_FailsBeforeTheDemos() =>
        AssertOneLineFailure(ConsoleCapture.Run(() => QuickstartCommand.RunAsync("scenario-close-top-drawer", "regression", 50, 1, 12, 50, _file, false, default).Result), _file);
}
