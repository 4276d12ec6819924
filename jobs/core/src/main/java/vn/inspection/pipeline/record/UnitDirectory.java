package vn.inspection.pipeline.record;

/**
 * Resolves the unit a record names (by code, name or any alias) to its code. Implemented over the
 * units reference in the lake plus the units accepted earlier in the same batch.
 */
public interface UnitDirectory {

    /** A unit code, or the reason the text names no single unit. */
    record Resolution(String code, String error) {
        public static Resolution of(String code) {
            return new Resolution(code, null);
        }

        public static Resolution failed(String error) {
            return new Resolution(null, error);
        }

        public boolean ok() {
            return code != null;
        }
    }

    Resolution resolve(String text);
}
