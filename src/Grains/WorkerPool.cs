using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Grains;

/// <summary>One live silo that runs context groups, and how many at once.</summary>
public sealed record WorkerSilo(SiloAddress Address, string Name, int Slots);

/// <summary>
/// The silos that run context groups right now, as this silo sees the cluster: active members of the local silo's
/// message schema with role worker (or, when none has it, role all: the embedded silo), each with the slots it declares.
/// The scheduler's in-flight target follows it, so a worker that joins gets groups and one that leaves gets none.
/// </summary>
public sealed class WorkerPool(IClusterMembershipService membership, ISiloMetadataCache metadata, IOptions<SiloMetadata> local)
{
    public IReadOnlyList<WorkerSilo> Current()
    {
        var schema = local.Value.Metadata.GetValueOrDefault(SiloMetadataKeys.Schema);
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => (Member: m, Metadata: metadata.GetSiloMetadata(m.SiloAddress).Metadata))
            .Where(x => schema is null || !x.Metadata.TryGetValue(SiloMetadataKeys.Schema, out var s) || s == schema)
            .ToList();
        foreach (var role in new[] { SiloMetadataKeys.Worker, SiloMetadataKeys.All })
        {
            var silos = active.Where(x => x.Metadata.GetValueOrDefault(SiloMetadataKeys.Role) == role)
                .Select(x => new WorkerSilo(x.Member.SiloAddress, x.Member.Name, Slots(x.Metadata)))
                .OrderBy(w => w.Address.ToString(), StringComparer.Ordinal)
                .ToList();
            if (silos.Count > 0)
                return silos;
        }
        return [];
    }

    /// <summary>Declared slots; a silo that declares none (test silos) counts as one.</summary>
    private static int Slots(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(SiloMetadataKeys.Slots, out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
}
