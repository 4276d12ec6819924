package vn.inspection.pipeline.schema;

/** A Vietnamese and an English label. */
public record Label(String vi, String en) {
    public String in(String language) {
        return "en".equals(language) ? en : vi;
    }
}
