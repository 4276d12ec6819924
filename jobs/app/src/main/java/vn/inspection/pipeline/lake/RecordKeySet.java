package vn.inspection.pipeline.lake;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A set of 128-bit record keys (32 hex digits): the keys in insertion order in pages of primitive longs, and
 * an open-addressing table of indexes into them, at most three quarters full. About 22 to 27 bytes a key instead of
 * ~100 for a {@code HashSet<String>}, so the keys of a lake of tens of millions of records fit in a small heap while
 * deduplicating (10 million keys: about 225 MB). Growing adds a page, never copies the keys: a large set needs no
 * second copy of itself to grow (only the table is rebuilt, as it fills).
 *
 * <p>A rebuilt table takes the keys in their insertion order, never in the order of the old table: re-inserting a
 * table's slots in slot order into a table with the same hash clusters them (the linear probing pathology that once
 * made publishing quadratic).
 */
public final class RecordKeySet {
    private static final int EMPTY = -1;
    /** Keys a page holds (two longs each). */
    private static final int PAGE_SHIFT = 15;
    private static final int PAGE_KEYS = 1 << PAGE_SHIFT;
    private static final int IN_PAGE = PAGE_KEYS - 1;

    private long[][] pages = new long[16][];
    private int size;
    private int[] table;
    private int mask;

    public RecordKeySet() {
        table = new int[1 << 12];
        Arrays.fill(table, EMPTY);
        mask = table.length - 1;
    }

    /** Adds a key; returns false when it was already there. */
    public boolean add(String hexKey) {
        return add(HexFormat.fromHexDigitsToLong(hexKey, 0, 16), HexFormat.fromHexDigitsToLong(hexKey, 16, 32));
    }

    public boolean contains(String hexKey) {
        return indexOf(hexKey) >= 0;
    }

    /** The index of a key (its place in insertion order), or -1 when the set does not hold it. */
    public int indexOf(String hexKey) {
        long h = HexFormat.fromHexDigitsToLong(hexKey, 0, 16);
        long l = HexFormat.fromHexDigitsToLong(hexKey, 16, 32);
        for (int slot = slot(h, l); table[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (equalsAt(table[slot], h, l)) {
                return table[slot];
            }
        }
        return -1;
    }

    /** The key at an index, as 32 hex digits. */
    public String keyAt(int index) {
        long[] page = pages[index >>> PAGE_SHIFT];
        int at = (index & IN_PAGE) << 1;
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(page[at]) + hex.toHexDigits(page[at + 1]);
    }

    private boolean equalsAt(int index, long h, long l) {
        long[] page = pages[index >>> PAGE_SHIFT];
        int at = (index & IN_PAGE) << 1;
        return page[at] == h && page[at + 1] == l;
    }

    private boolean add(long h, long l) {
        int slot = slot(h, l);
        for (; table[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (equalsAt(table[slot], h, l)) {
                return false;
            }
        }
        int pageIndex = size >>> PAGE_SHIFT;
        if (pageIndex == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        long[] page = pages[pageIndex];
        if (page == null) {
            page = new long[PAGE_KEYS * 2];
            pages[pageIndex] = page;
        }
        int at = (size & IN_PAGE) << 1;
        page[at] = h;
        page[at + 1] = l;
        table[slot] = size;
        size++;
        if (size * 4L > table.length * 3L) {
            rehash(table.length * 2);
        }
        return true;
    }

    /** A slot from both halves, mixed (the keys are hashes, but a caller may hand us anything). */
    private int slot(long h, long l) {
        long mixed = h * 0x9E3779B97F4A7C15L ^ l;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        return (int) mixed & mask;
    }

    private void rehash(int capacity) {
        table = null; // the old table is garbage before the new one is made
        int[] rebuilt = new int[capacity];
        Arrays.fill(rebuilt, EMPTY);
        mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            long[] page = pages[i >>> PAGE_SHIFT];
            int at = (i & IN_PAGE) << 1;
            int slot = slot(page[at], page[at + 1]);
            while (rebuilt[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            rebuilt[slot] = i;
        }
        table = rebuilt;
    }

    /**
     * Forgets every key added after the set held {@code size} keys (a file that failed takes back its records' keys).
     * Costs a rebuild of the table, so it is for the rare case.
     */
    public void truncate(int size) {
        if (size < 0 || size > this.size) {
            throw new IllegalArgumentException("cannot truncate a set of " + this.size + " keys to " + size);
        }
        if (size == this.size) {
            return;
        }
        this.size = size;
        for (int p = (size + IN_PAGE) >>> PAGE_SHIFT; p < pages.length; p++) {
            pages[p] = null; // pages past the kept keys
        }
        rehash(table.length);
    }

    public int size() {
        return size;
    }
}
