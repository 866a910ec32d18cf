namespace KerjaSama.Planning.Exercises;

/// <summary>RPJMD: the five-year medium-term plan; RKPD: the annual work plan.</summary>
internal enum PlanningPeriodKind
{
    Rpjmd,
    Rkpd,
}
