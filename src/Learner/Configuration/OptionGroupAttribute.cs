namespace RiptOrleans.Learner.Configuration;

/// <summary>
/// A property holding another options record whose options belong to this one, flat: its flags, JSON keys and environment
/// variables sit beside the owner's (train's RIPT update knobs are RiptOptions' own declarations, not copies).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionGroupAttribute : Attribute;
