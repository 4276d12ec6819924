package vn.inspection.pipeline.lake;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A set of 128-bit record keys (32 hex digits): the keys in two primitive arrays in insertion order, and an
 * open-addressing table of indexes into them, at most three quarters full. About 22 to 30 bytes a key instead of
 * ~100 for a {@code HashSet<String>}, so the keys of a lake of tens of millions of records fit in a small heap while
 * deduplicating (10 million keys: about 260 MB).
 *
 * <p>{@link #addAll} adds another set's keys in their insertion order, never in the order of its table:
 * re-inserting a table's slots in slot order into a table with the same hash clusters them (the linear
 * probing pathology that once made publishing quadratic).
 */
public final class RecordKeySet {
    private static final int EMPTY = -1;

    private long[] high;
    private long[] low;
    private int size;
    private int[] table;
    private int mask;

    public RecordKeySet() {
        high = new long[1 << 10];
        low = new long[1 << 10];
        table = new int[1 << 12];
        Arrays.fill(table, EMPTY);
        mask = table.length - 1;
    }

    /** Adds a key; returns false when it was already there. */
    public boolean add(String hexKey) {
        return add(HexFormat.fromHexDigitsToLong(hexKey, 0, 16), HexFormat.fromHexDigitsToLong(hexKey, 16, 32));
    }

    public boolean contains(String hexKey) {
        long h = HexFormat.fromHexDigitsToLong(hexKey, 0, 16);
        long l = HexFormat.fromHexDigitsToLong(hexKey, 16, 32);
        for (int slot = slot(h, l); table[slot] != EMPTY; slot = (slot + 1) & mask) {
            int at = table[slot];
            if (high[at] == h && low[at] == l) {
                return true;
            }
        }
        return false;
    }

    private boolean add(long h, long l) {
        int slot = slot(h, l);
        for (; table[slot] != EMPTY; slot = (slot + 1) & mask) {
            int at = table[slot];
            if (high[at] == h && low[at] == l) {
                return false;
            }
        }
        if (size == high.length) {
            // grow by half: doubling would leave up to half of two large arrays unused
            int capacity = size + (size >> 1);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
        }
        high[size] = h;
        low[size] = l;
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
        table = new int[capacity];
        Arrays.fill(table, EMPTY);
        mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = slot(high[i], low[i]);
            while (table[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
        }
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
        rehash(table.length);
    }

    /** Adds every key of another set, in the order it received them. */
    public void addAll(RecordKeySet other) {
        for (int i = 0; i < other.size; i++) {
            add(other.high[i], other.low[i]);
        }
    }

    public int size() {
        return size;
    }
}
