namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>What a libero-spatial bowl starts on: decides the side its wall is grasped from and how high it is carried.</summary>
public enum BowlSupport
{
    /// <summary>The table, or a low object on it (cookie box, ramekin).</summary>
    Table,

    /// <summary>The stove's burner.</summary>
    Stove,

    /// <summary>The cabinet's top, 0.22 m above the table.</summary>
    CabinetTop,

    /// <summary>The cabinet's open top drawer.</summary>
    TopDrawer,
}
