package vn.inspection.pipeline.text;

import java.util.Locale;

/** The languages the product writes its outputs in: Vietnamese (the default) and English. */
public enum Language {
    VI("vi"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: {@code vi} or {@code en}. */
    public String code() {
        return code;
    }

    /**
     * The language of a code, {@code vi} or {@code en} (any case).
     *
     * @throws IllegalArgumentException for any other text, saying which languages there are
     */
    public static Language parse(String code) {
        if (code != null) {
            for (Language language : values()) {
                if (language.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "': expected vi (Vietnamese) or en (English)");
    }

    @Override
    public String toString() {
        return code;
    }
}
