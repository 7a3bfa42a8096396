using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;

namespace RiptOrleans.Learner.Policies;

/// <summary>The camera frames a policy reads, rendered from an env's state at the policy's size (cameras x H x W x 3, top row first).</summary>
public static class PolicyCameras
{
    /// <summary>Null when the policy reads no camera; <paramref name="rendererOfSize"/> gives the calling thread's renderer of a size.</summary>
    public static byte[]? Render(PolicyConfig config, MjModel model, MjData data, Func<int, Renderer> rendererOfSize)
    {
        if (config.Cameras.Count == 0)
            return null;
        var renderer = rendererOfSize(config.ImageSize);
        var frame = config.ImageSize * config.ImageSize * 3;
        var images = new byte[config.Cameras.Count * frame];
        for (var c = 0; c < config.Cameras.Count; c++)
            renderer.Render(data, model.CameraId(config.Cameras[c]), images.AsSpan(c * frame, frame));
        return images;
    }
}
