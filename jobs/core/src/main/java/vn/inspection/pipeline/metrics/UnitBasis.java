package vn.inspection.pipeline.metrics;

/** Which unit a record is counted under. */
public enum UnitBasis {
    /** Under the unit that carries it today: a merged unit's records count under its successor (the default). */
    SUCCESSOR,
    /** Under the unit the register names, as recorded. */
    RECORDED
}
