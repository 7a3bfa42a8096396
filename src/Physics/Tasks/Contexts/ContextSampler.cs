using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>Draws initial states of a task: the robot at its start pose (with noise), the task's sampler places the rest, then everything settles (spec A5, A8).</summary>
public static class ContextSampler
{
    /// <summary>Std of the per-joint noise on the arm's initial configuration (rad), as decoded from LIBERO's init files.</summary>
    public const double ArmNoise = 0.02;

    /// <summary>Samples one context deterministically from <paramref name="seed"/>.</summary>
    public static TaskContext Sample(TaskModel task, ContextSplit split, int index, int seed)
    {
        var spec = task.Spec;
        var model = task.Model;
        var rng = new Random(seed);
        using var data = new MjData(model);
        data.Reset();
        var qpos = data.Qpos;

        if (spec.Robot == RobotKind.Panda)
        {
            for (var i = 0; i < PandaArm.ArmDofs; i++)
                qpos[model.JointQposAddress(model.JointId(PandaArm.JointName(i)))] = PandaArm.InitQpos[i] + ArmNoise * rng.NextGaussian();
            qpos[model.JointQposAddress(model.JointId(PandaArm.LeftFingerJoint))] = PandaArm.InitFingerQpos[0];
            qpos[model.JointQposAddress(model.JointId(PandaArm.RightFingerJoint))] = PandaArm.InitFingerQpos[1];
        }
        else
        {
            SawyerRig.PlaceHand(model, data, spec);
        }

        spec.Sampler.Place(task, data, rng);
        Settle(task, data);
        return new TaskContext(spec.Id, split, index, seed, data.GetState());
    }

    /// <summary>Lets placed objects drop and settle under a no-op action for the task's settle steps, then restarts the clock.</summary>
    public static void Settle(TaskModel task, MjData data)
    {
        data.Forward();
        var rig = task.CreateRig();
        rig.Reset(data);
        Span<double> idle = stackalloc double[rig.ActionDim];
        for (var s = 0; s < task.Spec.SettleSteps; s++)
        {
            rig.SetAction(data, idle);
            rig.Advance(data);
        }
        data.Forward();
        data.Time = 0;
    }

    /// <summary>The free joint of a loose part is named after its body.</summary>
    public static string FreeJointName(string partName) => $"{partName}_joint";
}
