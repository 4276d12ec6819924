package vn.inspection.pipeline.report.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every report: DejaVu Sans Condensed, regular and bold, shipped in this module's resources
 * with its licence ({@code fonts/LICENSE.txt} beside the files: the Bitstream Vera and Arev licences, free to embed
 * and redistribute). Charts and the PDF's own text use the same files, so a chart's text is embedded as text in the
 * same font as the page around it. The face has every Vietnamese letter and the signs reports print (the minus
 * sign U+2212 of −8,5%, the en dash of "2013–2014"); Noto Sans, the other candidate, lacks the minus sign.
 */
public final class ReportFonts {
    /** The family name Java gives the fonts (their {@link Font#getFamily()}). */
    public static final String FAMILY = "DejaVu Sans Condensed";
    private static final String FOLDER = "/vn/inspection/pipeline/report/fonts/";

    private ReportFonts() {
    }

    private static final class Files {
        static final byte[] REGULAR = read("DejaVuSansCondensed.ttf");
        static final byte[] BOLD = read("DejaVuSansCondensed-Bold.ttf");
        static final Font REGULAR_FONT = create("DejaVuSansCondensed.ttf", REGULAR);
        static final Font BOLD_FONT = create("DejaVuSansCondensed-Bold.ttf", BOLD);

        private static byte[] read(String name) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + FOLDER + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + name, e);
            }
        }

        /**
         * The font, from a file: given a stream, AWT copies it to a temporary file ({@code +~JF….tmp}, 0.7 MB) that only a
         * clean exit deletes, so every killed render left one behind. The file is one per font and user, named by its
         * checksum and checked byte for byte before use, so a killed run leaves nothing new and no other file is trusted.
         */
        private static Font create(String name, byte[] ttf) {
            try {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, extracted(name, ttf).toFile());
                } catch (IOException | SecurityException e) {
                    return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf)); // no writable temporary folder
                }
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("the report font cannot be loaded: " + e.getMessage(), e);
            }
        }

        static java.nio.file.Path extracted(String name, byte[] ttf) throws IOException {
            String sum;
            try {
                sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(ttf)).substring(0, 16);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "pipeline-fonts-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"));
            java.nio.file.Path file = dir.resolve(sum + "-" + name);
            if (java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), ttf)) {
                return file;
            }
            java.nio.file.Files.createDirectories(dir);
            if (!java.nio.file.Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " is not a folder");
            }
            java.nio.file.Path temp = java.nio.file.Files.createTempFile(dir, ".font-", ".part");
            try {
                java.nio.file.Files.write(temp, ttf);
                java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                java.nio.file.Files.deleteIfExists(temp);
            }
            return file;
        }
    }

    /** Whether the face has a glyph for every character of {@code text}. */
    public static boolean canDisplay(String text) {
        return Files.REGULAR_FONT.canDisplayUpTo(text) < 0;
    }

    /** The regular face at a size in points. */
    public static Font regular(float size) {
        return Files.REGULAR_FONT.deriveFont(Font.PLAIN, size);
    }

    /** The bold face (its own file, not a synthetic bold) at a size in points. */
    public static Font bold(float size) {
        return Files.BOLD_FONT.deriveFont(Font.PLAIN, size);
    }

    /** The regular face's TrueType file, for embedding in a PDF. */
    public static InputStream regularTrueType() {
        return new ByteArrayInputStream(Files.REGULAR);
    }

    /** The bold face's TrueType file, for embedding in a PDF. */
    public static InputStream boldTrueType() {
        return new ByteArrayInputStream(Files.BOLD);
    }
}
