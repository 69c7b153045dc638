namespace TriVision.Analytics.Hazards;

/// <summary>Hazard rules: per class, per zone, and the duplicate suppression distance.</summary>
public sealed class HazardRuleOptions
{
    public List<HazardClassRule> Classes { get; set; } = new();
    public List<HazardZone> Zones { get; set; } = new();

    /// <summary>
    /// A frame counts only when at least this share (0-1) of the track's class vote went to hazard classes (any class with
    /// a rule): an object the model calls aerosol can in one frame and drink can (waste) in the next is not sure enough to
    /// divert or stop a line. Hesitation between two hazard classes (battery or power bank?) does not count against it.
    /// </summary>
    public float MinHazardShare { get; set; } = 0.8f;

    /// <summary>A frame counts only when that frame's own box is of a hazard class, not only the track's vote.</summary>
    public bool RequireHazardBox { get; set; } = true;

    /// <summary>
    /// A new alarm for a class is suppressed when an existing alarm of the same class is predicted to be
    /// within this distance along the belt (the tracker lost the object and gave it a new id).
    /// </summary>
    public float SuppressDistanceMetres { get; set; } = 0.3f;

    /// <summary>How long an alarm's predicted position is remembered for suppression (after this it has left the belt section).</summary>
    public int SuppressMemoryMs { get; set; } = 60_000;

    /// <summary>Rules for the shipped model: 0 gas_cylinder stop, 1 battery, 2 power_bank and 3 aerosol_can divert; 4 waste is no hazard.</summary>
    public static HazardRuleOptions ForShippedModel() => new()
    {
        Classes =
        {
            new HazardClassRule { ClassId = 0, Name = "gas_cylinder", Action = HazardAction.StopLine },
            new HazardClassRule { ClassId = 1, Name = "battery", Action = HazardAction.Divert },
            new HazardClassRule { ClassId = 2, Name = "power_bank", Action = HazardAction.Divert },
            new HazardClassRule { ClassId = 3, Name = "aerosol_can", Action = HazardAction.Divert },
        },
    };

    public void Validate()
    {
        var seen = new HashSet<int>();
        for (int i = 0; i < Classes.Count; i++)
        {
            var c = Classes[i];
            string key = $"Hazards:Classes:{i}";
            if (c.ClassId < 0) throw new ArgumentException($"{key}:ClassId = {c.ClassId}: must be >= 0.");
            if (!seen.Add(c.ClassId)) throw new ArgumentException($"{key}:ClassId = {c.ClassId}: class has two rules.");
            if (!(c.MinScore >= 0 && c.MinScore <= 1)) throw new ArgumentException($"{key}:MinScore = {c.MinScore}: must be in [0, 1].");
            if (c.ConfirmFrames < 1) throw new ArgumentException($"{key}:ConfirmFrames = {c.ConfirmFrames}: must be >= 1.");
            if (c.ConfirmMs < 0) throw new ArgumentException($"{key}:ConfirmMs = {c.ConfirmMs}: must be >= 0.");
            if (!Enum.IsDefined(c.Action)) throw new ArgumentException($"{key}:Action = {c.Action}: must be Notify, Divert or StopLine.");
        }
        for (int i = 0; i < Zones.Count; i++)
        {
            var z = Zones[i];
            string key = $"Hazards:Zones:{i}";
            if (!(z.EndMetres > z.StartMetres)) throw new ArgumentException($"{key} '{z.Name}': EndMetres ({z.EndMetres}) must be greater than StartMetres ({z.StartMetres}).");
            foreach (var t in z.Thresholds)
                if (!(t.MinScore >= 0)) throw new ArgumentException($"{key} '{z.Name}': threshold for class {t.ClassId} = {t.MinScore}: must be >= 0.");
        }
        if (!(MinHazardShare >= 0 && MinHazardShare <= 1)) throw new ArgumentException($"Hazards:MinHazardShare = {MinHazardShare}: must be in [0, 1].");
        if (!(SuppressDistanceMetres >= 0)) throw new ArgumentException($"Hazards:SuppressDistanceMetres = {SuppressDistanceMetres}: must be >= 0.");
        if (SuppressMemoryMs < 0) throw new ArgumentException($"Hazards:SuppressMemoryMs = {SuppressMemoryMs}: must be >= 0.");
    }
}
