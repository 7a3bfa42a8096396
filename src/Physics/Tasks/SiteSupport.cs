namespace RiptOrleans.Physics.Tasks;

/// <summary>
/// A flat region site of a fixture an object starts on (a cabinet's top or open drawer, a stove's burner): its world
/// pose is read after the fixture's pose and joints are set, and its bottom face is taken as the surface (spec A5, A6.2).
/// </summary>
/// <param name="Site">The site's name.</param>
/// <param name="HalfHeight">The site's z half extent: the surface lies this far below its centre.</param>
public sealed record SiteSupport(string Site, double HalfHeight);
