namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// Where a cell's pipeline reads and writes. Source demos, pretraining and target demos depend only on (task or suite,
/// family, seed, counts, budgets), so an experiment shares them between the cells that need the same ones; the SFT
/// and RIPT runs are the cell's own.
/// </summary>
public sealed record CellPaths(string SourceDemos, string Pretrain, string TargetDemos, string Sft, string Ript)
{
    /// <summary>
    /// The SFT directory is shared by the cells that differ only in their stage-3 variant (an experiment's layout): the
    /// first such cell trains it, the others start from the very same checkpoint.
    /// </summary>
    public bool SharedSft { get; init; }

    /// <summary>The quickstart's layout: everything directly in its --out directory.</summary>
    public static CellPaths Flat(string outDir) => new(
        Path.Combine(outDir, "demos-source"), Path.Combine(outDir, "pretrain"), Path.Combine(outDir, "demos-target"),
        Path.Combine(outDir, "sft"), Path.Combine(outDir, "ript"));

    /// <summary>An experiment's layout: shared/ for reusable steps, cells/&lt;cell&gt;/ for the cell's own.</summary>
    public static CellPaths ForExperiment(string outDir, ExperimentCell cell, CellSettings settings)
    {
        var shared = Path.Combine(outDir, "shared");
        var own = CellDirectory(outDir, cell);
        var family = ExperimentCell.FamilyName(cell.Family);
        var source = cell.Unit.Pair is { } p ? Physics.Tasks.TaskRegistry.Get(p.Source).Name : "";
        return new CellPaths(
            Path.Combine(shared, "demos", $"{source}_seed-{cell.Seed}_{settings.PretrainDemos}"),
            Path.Combine(shared, "pretrain", $"{family}_{source}_seed-{cell.Seed}_{settings.PretrainDemos}"),
            Path.Combine(shared, "demos", $"{cell.Unit.Name}_seed-{cell.Seed}_{cell.Demos}"),
            Path.Combine(shared, "sft", $"{family}_{cell.Unit.Name}_seed-{cell.Seed}_{cell.Demos}_{settings.PretrainDemos}_{settings.SftStepCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "full"}"),
            Path.Combine(own, "ript")) { SharedSft = true };
    }

    /// <summary>The cell's own directory; it exists without a result line while the cell is half-finished.</summary>
    public static string CellDirectory(string outDir, ExperimentCell cell) => Path.Combine(outDir, "cells", cell.DirectoryName);
}
