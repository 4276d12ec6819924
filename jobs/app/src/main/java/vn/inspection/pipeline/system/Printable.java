package vn.inspection.pipeline.system;

import java.nio.file.Path;

/**
 * A file or sheet name as the product prints and logs it: one line whatever the name holds. A control character
 * (a newline, a carriage return, an escape, DEL, …) is shown escaped ({@code \n}, {@code \r}, {@code \t},
 * {@code \x1b}), so a name cannot forge a line of the log, of a summary or of cron's mail, nor move the
 * terminal's cursor; a backslash is doubled so that the escaped form is unambiguous. A byte of the name that is
 * not valid in the file system's encoding is shown as U+FFFD, as Java decodes it.
 */
public final class Printable {
    private Printable() {
    }

    /** The last element of the path, printable. */
    public static String name(Path path) {
        Path name = path.getFileName();
        return text(name == null ? path.toString() : name.toString());
    }

    /** The whole path, printable. */
    public static String path(Path path) {
        return text(path.toString());
    }

    /** The last element of a path kept as text, printable. */
    public static String name(String path) {
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return text(slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path);
    }

    /** Any text: control characters escaped, a backslash doubled only where the text holds a control character. */
    public static String text(String text) {
        if (text == null || text.chars().noneMatch(Printable::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (isControl(c)) {
                        out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls, DEL, and the line and paragraph separators (U+2028, U+2029), which some viewers break lines at. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
