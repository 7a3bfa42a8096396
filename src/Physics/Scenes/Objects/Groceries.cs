using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// LIBERO's grocery catalogue (the HOPE items of spec A6.1) rebuilt from primitives with the assets' extents and
/// origin heights: cans, boxes, cartons and bottles. Every item is a loose object of 100 kg/m³; boxes and bottles stand
/// with their long side along local x, and LIBERO places them at yaw π.
/// </summary>
public static class Groceries
{
    public const double CanRadius = 0.031, CanHalfHeight = 0.038;

    public static Can AlphabetSoup(string name) => new(name, CanRadius, CanHalfHeight, new Rgba(0.78, 0.12, 0.1), new Rgba(0.93, 0.9, 0.85));

    public static Can TomatoSauce(string name) => new(name, CanRadius, CanHalfHeight, new Rgba(0.85, 0.3, 0.12), new Rgba(0.3, 0.55, 0.2));

    public static BoxObject CreamCheese(string name) => new(name, new(0.041, 0.021, 0.009), new Rgba(0.75, 0.82, 0.92));

    public static BoxObject Butter(string name) => new(name, new(0.038, 0.020, 0.0085), new Rgba(0.95, 0.88, 0.45));

    public static BoxObject ChocolatePudding(string name) => new(name, new(0.040, 0.023, 0.0135), new Rgba(0.45, 0.25, 0.12));

    public static Carton Milk(string name) => new(name, new Rgba(0.93, 0.93, 0.95), new Rgba(0.2, 0.35, 0.8));

    public static Carton OrangeJuice(string name) => new(name, new Rgba(0.98, 0.6, 0.12), new Rgba(0.2, 0.6, 0.2));

    /// <summary>Ketchup: 0.037 x 0.056 x 0.146 m, origin 0.072 above the bottom.</summary>
    public static Bottle Ketchup(string name) => new(name, new(0.0185, 0.028, 0.05), 0.146, 0.072, new Rgba(0.75, 0.08, 0.06), Rgba.White);

    /// <summary>Salad dressing: the ketchup bottle's shape in cream with a green cap.</summary>
    public static Bottle SaladDressing(string name) => new(name, new(0.0185, 0.028, 0.05), 0.146, 0.072, new Rgba(0.9, 0.85, 0.65), new Rgba(0.2, 0.5, 0.2));

    /// <summary>The new salad dressing of LIVING_ROOM_SCENE4: the same bottle with its origin 0.023 above the bottom.</summary>
    public static Bottle NewSaladDressing(string name) => new(name, new(0.0185, 0.028, 0.05), 0.146, 0.023, new Rgba(0.85, 0.8, 0.55), new Rgba(0.2, 0.5, 0.2));

    /// <summary>BBQ sauce: 0.029 x 0.047 x 0.107 m, origin 0.055 above the bottom.</summary>
    public static Bottle BbqSauce(string name) => new(name, new(0.0145, 0.0235, 0.037), 0.107, 0.055, new Rgba(0.35, 0.15, 0.08), Rgba.Black);

    /// <summary>The catalogue by LIBERO category name (the BDDL type), e.g. "alphabet_soup"; instances are named "&lt;category&gt;_1".</summary>
    public static IScenePart Item(string category, int instance = 1)
    {
        var name = $"{category}_{instance}";
        return category switch
        {
            "alphabet_soup" => AlphabetSoup(name),
            "tomato_sauce" => TomatoSauce(name),
            "cream_cheese" => CreamCheese(name),
            "butter" => Butter(name),
            "chocolate_pudding" => ChocolatePudding(name),
            "milk" => Milk(name),
            "orange_juice" => OrangeJuice(name),
            "ketchup" => Ketchup(name),
            "salad_dressing" => SaladDressing(name),
            "new_salad_dressing" => NewSaladDressing(name),
            "bbq_sauce" => BbqSauce(name),
            _ => throw new ArgumentException($"no grocery item '{category}'; known: {string.Join(", ", Categories)}", nameof(category)),
        };
    }

    public static readonly string[] Categories =
    [
        "alphabet_soup", "tomato_sauce", "cream_cheese", "butter", "chocolate_pudding", "milk", "orange_juice", "ketchup",
        "salad_dressing", "new_salad_dressing", "bbq_sauce",
    ];
}
