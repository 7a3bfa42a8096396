namespace RiptOrleans.Grains.Abstractions;

/// <summary>
/// The version of the grain contracts and messages. Orleans tolerates added members ([Id]s never reused); a change it
/// cannot tolerate (a member's meaning or type, a removed method) bumps this, and a silo of another version is refused
/// by the cluster it tries to join instead of failing calls later.
/// </summary>
public static class MessageSchema
{
    public const int Version = 1;
}
