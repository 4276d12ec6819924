package vn.inspection.pipeline.lake;

import java.util.HexFormat;

/**
 * A set of 128-bit record keys (32 hex digits) in two primitive arrays with open addressing: about 20
 * bytes a key instead of ~100 for a {@code HashSet<String>}, so the keys of a lake of tens of millions of
 * records fit in memory while deduplicating.
 */
public final class RecordKeySet {
    private long[] high;
    private long[] low;
    private boolean[] used;
    private int size;
    private int mask;

    public RecordKeySet() {
        allocate(1 << 14);
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        size = 0;
    }

    /** Adds a key; returns false when it was already there. */
    public boolean add(String hexKey) {
        long h = HexFormat.fromHexDigitsToLong(hexKey, 0, 16);
        long l = HexFormat.fromHexDigitsToLong(hexKey, 16, 32);
        return add(h, l);
    }

    public boolean contains(String hexKey) {
        long h = HexFormat.fromHexDigitsToLong(hexKey, 0, 16);
        long l = HexFormat.fromHexDigitsToLong(hexKey, 16, 32);
        int slot = slot(h, l);
        while (used[slot]) {
            if (high[slot] == h && low[slot] == l) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private boolean add(long h, long l) {
        if ((size + 1) * 4L > used.length * 3L) {
            grow();
        }
        int slot = slot(h, l);
        while (used[slot]) {
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        high[slot] = h;
        low[slot] = l;
        size++;
        return true;
    }

    private int slot(long h, long l) {
        long mixed = (h ^ (l * 0x9E3779B97F4A7C15L));
        mixed ^= mixed >>> 31;
        return (int) mixed & mask;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        allocate(oldUsed.length * 2);
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldHigh[i], oldLow[i]);
            }
        }
    }

    /** Adds every key of another set. */
    public void addAll(RecordKeySet other) {
        for (int i = 0; i < other.used.length; i++) {
            if (other.used[i]) {
                add(other.high[i], other.low[i]);
            }
        }
    }

    public int size() {
        return size;
    }
}
