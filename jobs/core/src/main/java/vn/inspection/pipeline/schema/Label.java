package vn.inspection.pipeline.schema;

import vn.inspection.pipeline.text.Language;

/** A Vietnamese and an English label. */
public record Label(String vi, String en) {
    public String in(Language language) {
        return language == Language.EN ? en : vi;
    }
}
