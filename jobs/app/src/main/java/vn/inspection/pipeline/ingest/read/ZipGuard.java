package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an .xlsx archive before it is read, from its central directory and then by inflating every entry through a
 * count (a declared size proves nothing): too many entries, an entry that inflates past the size limit, past its declared
 * size, or more than the ratio limit (the mark of a zip bomb) make the file unreadable rather than exhausting the disk or
 * memory. The count stops at the limit, so a bomb costs at most that much inflating, never its full size.
 */
final class ZipGuard {
    /** Entries an office workbook never exceeds. */
    static final int MAX_ENTRIES = 10_000;
    /** Uncompressed bytes of one entry: a sheet of a million full rows is well under this. */
    static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024 * 1024;
    /** Uncompressed bytes of all entries together. */
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024 * 1024;
    /** Inflate ratio allowed for a large entry (office XML compresses 5–30×; bombs 1000×). */
    static final long MAX_RATIO = 200;
    /** Entries smaller than this may compress as well as they like. */
    static final long RATIO_APPLIES_FROM = 64L * 1024 * 1024;

    private ZipGuard() {
    }

    /** Whether the start of an XML part declares a document type (the door of external entities): Excel never writes one. */
    static boolean declaresDoctype(byte[] start, int length) {
        String head = new String(start, 0, Math.min(length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1).replace("\u0000", "");
        return head.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE");
    }

    static void check(Path file) throws UnreadableFileException {
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new UnreadableFileException("the archive holds more than " + MAX_ENTRIES + " entries (a zip bomb or not a workbook)");
                }
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                if (size > MAX_ENTRY_BYTES) {
                    throw new UnreadableFileException("entry " + entry.getName() + " inflates to " + size + " bytes (limit " + MAX_ENTRY_BYTES + ")");
                }
                if (size >= RATIO_APPLIES_FROM && size / compressed > MAX_RATIO) {
                    throw new UnreadableFileException("entry " + entry.getName() + " inflates " + (size / compressed) + " times ("
                            + compressed + " to " + size + " bytes; limit " + MAX_RATIO + "×): a zip bomb");
                }
                total += Math.max(0, size);
                if (total > MAX_TOTAL_BYTES) {
                    throw new UnreadableFileException("the archive inflates to more than " + MAX_TOTAL_BYTES + " bytes");
                }
            }
            // the sizes above are what the archive declares; a hostile one lies: inflate each entry, counting, and stop past the limits
            long inflatedTotal = 0;
            entries = zip.entries();
            byte[] buffer = new byte[1 << 16];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long declared = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                long limit = Math.min(MAX_ENTRY_BYTES, Math.max(RATIO_APPLIES_FROM, compressed * MAX_RATIO));
                long inflated = 0;
                boolean xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (xml && inflated == 0 && declaresDoctype(buffer, n)) {
                            throw new UnreadableFileException("the workbook contains an external entity reference (a DOCTYPE, in "
                                    + entry.getName() + "), which is not allowed: save it again from Excel");
                        }
                        inflated += n;
                        if (declared >= 0 && inflated > declared) {
                            throw new UnreadableFileException("entry " + entry.getName() + " declares " + declared + " bytes but inflates to more: "
                                    + "a zip bomb or a damaged archive");
                        }
                        if (inflated > limit) {
                            throw new UnreadableFileException("entry " + entry.getName() + " inflates past " + limit + " bytes from " + compressed
                                    + " (limit " + MAX_RATIO + "× from " + RATIO_APPLIES_FROM + " bytes, " + MAX_ENTRY_BYTES + " bytes in all): a zip bomb");
                        }
                        if (inflatedTotal + inflated > MAX_TOTAL_BYTES) {
                            throw new UnreadableFileException("the archive inflates to more than " + MAX_TOTAL_BYTES + " bytes");
                        }
                    }
                }
                inflatedTotal += inflated;
            }
        } catch (IOException e) {
            throw new UnreadableFileException("the file is not a readable .xlsx archive (corrupt or truncated): " + WorkbookSources.describe(e), e);
        }
    }
}
