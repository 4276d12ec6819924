package vn.inspection.pipeline.record;

/**
 * Resolves the unit a record names (by code, name or any alias) to its code. Implemented over the
 * units reference in the lake plus the units accepted earlier in the same batch.
 */
public interface UnitDirectory {

    /**
     * A unit code, or the reason the text names no single unit; {@code missing} when the reference has no unit of
     * that name at all (a later units reference may bring it: the row waits, parked), not when it names several.
     */
    record Resolution(String code, String error, boolean missing) {
        public static Resolution of(String code) {
            return new Resolution(code, null, false);
        }

        public static Resolution failed(String error) {
            return new Resolution(null, error, false);
        }

        /** No unit of that code, name or alias in the reference. */
        public static Resolution missing(String error) {
            return new Resolution(null, error, true);
        }

        public boolean ok() {
            return code != null;
        }
    }

    Resolution resolve(String text);
}
