namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>
/// The binary wire form of the messages (DESIGN §3): a schema version byte, then the fields in their documented order,
/// little-endian, arrays length-prefixed, optional arrays behind a presence byte. Decoding refuses an unknown version.
/// </summary>
public static class MessageCodec
{
    public static byte[] Encode(RolloutJob job)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write(RolloutJob.SchemaVersion);
        w.Write(job.JobId.ToByteArray());
        w.Write(job.RunId);
        w.Write(job.Iteration);
        w.Write(job.PolicyVersion);
        w.Write(job.ContextId);
        w.Write(job.K);
        w.Write(job.Seed);
        w.Flush();
        return ms.ToArray();
    }

    public static RolloutJob DecodeRolloutJob(ReadOnlySpan<byte> bytes)
    {
        using var r = Reader(bytes, RolloutJob.SchemaVersion, nameof(RolloutJob));
        return new RolloutJob(new Guid(r.ReadBytes(16)), r.ReadString(), r.ReadInt32(), r.ReadInt64(), r.ReadString(), r.ReadInt32(), r.ReadInt64());
    }

    public static byte[] Encode(GroupResult g)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write(GroupResult.SchemaVersion);
        w.Write(g.JobId.ToByteArray());
        w.Write(g.ContextId);
        w.Write(g.PolicyVersion);
        w.Write(g.WorkerId);
        WriteArray(w, g.Rewards, w.Write);
        w.Write(g.AllEqual);
        w.Write(g.Trajectories.Count);
        foreach (var t in g.Trajectories)
        {
            w.Write(Trajectory.SchemaVersion);
            w.Write(t.Decisions.Count);
            foreach (var d in t.Decisions)
            {
                WriteArray(w, d.State, w.Write);
                WriteOptional(w, d.Images, w.Write);
                WriteOptional(w, d.Tokens, w.Write);
                WriteOptional(w, d.Sampled, w.Write);
                w.Write(d.LogProb);
            }
            w.Write(t.Length);
            w.Write(t.Success);
            w.Write(t.FailureReason is not null);
            if (t.FailureReason is not null) w.Write(t.FailureReason);
        }
        w.Write(g.SimSteps);
        w.Write(g.Timings.SimSeconds);
        w.Write(g.Timings.PolicySeconds);
        w.Write(g.Timings.TotalSeconds);
        w.Write(g.FailureReasons.Count);
        foreach (var f in g.FailureReasons) w.Write(f);
        w.Flush();
        return ms.ToArray();
    }

    public static GroupResult DecodeGroupResult(ReadOnlySpan<byte> bytes)
    {
        using var r = Reader(bytes, GroupResult.SchemaVersion, nameof(GroupResult));
        var jobId = new Guid(r.ReadBytes(16));
        var contextId = r.ReadString();
        var version = r.ReadInt64();
        var worker = r.ReadString();
        var rewards = ReadArray(r, r.ReadDouble);
        var allEqual = r.ReadBoolean();
        var trajectories = new List<Trajectory>(r.ReadInt32());
        for (var i = trajectories.Capacity; i > 0; i--)
        {
            var schema = r.ReadByte();
            if (schema != Trajectory.SchemaVersion)
                throw new InvalidDataException($"Trajectory schema version {schema} is not supported (expected {Trajectory.SchemaVersion})");
            var decisions = new List<TrajectoryDecision>(r.ReadInt32());
            for (var d = decisions.Capacity; d > 0; d--)
                decisions.Add(new TrajectoryDecision(ReadArray(r, r.ReadSingle), ReadOptional(r, r.ReadByte), ReadOptional(r, r.ReadInt64),
                    ReadOptional(r, r.ReadSingle), r.ReadSingle()));
            var length = r.ReadInt32();
            var success = r.ReadBoolean();
            var reason = r.ReadBoolean() ? r.ReadString() : null;
            trajectories.Add(new Trajectory(decisions, length, success, reason));
        }
        var simSteps = r.ReadInt64();
        var timings = new GroupTimings(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var reasons = new List<string>(r.ReadInt32());
        for (var i = reasons.Capacity; i > 0; i--) reasons.Add(r.ReadString());
        return new GroupResult(jobId, contextId, version, worker, rewards, allEqual, trajectories, simSteps, timings, reasons);
    }

    private static BinaryReader Reader(ReadOnlySpan<byte> bytes, byte expected, string message)
    {
        if (bytes.Length == 0)
            throw new InvalidDataException($"{message}: empty message");
        if (bytes[0] != expected)
            throw new InvalidDataException($"{message} schema version {bytes[0]} is not supported (expected {expected})");
        return new BinaryReader(new MemoryStream(bytes[1..].ToArray()));
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values, Action<T> write)
    {
        w.Write(values.Length);
        foreach (var v in values) write(v);
    }

    private static void WriteOptional<T>(BinaryWriter w, T[]? values, Action<T> write)
    {
        w.Write(values is not null);
        if (values is not null) WriteArray(w, values, write);
    }

    private static T[] ReadArray<T>(BinaryReader r, Func<T> read)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length)
            throw new InvalidDataException($"array length {n} does not fit the message");
        var values = new T[n];
        for (var i = 0; i < n; i++) values[i] = read();
        return values;
    }

    private static T[]? ReadOptional<T>(BinaryReader r, Func<T> read) => r.ReadBoolean() ? ReadArray(r, read) : null;
}
