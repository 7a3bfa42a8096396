namespace RiptOrleans.Learner.Policies;

/// <summary>One named field of the state a policy reads ("ee_pos", 3; "akita_black_bowl_1_pos", 3), as tasks name them.</summary>
public sealed record StateField(string Name, int Size);
