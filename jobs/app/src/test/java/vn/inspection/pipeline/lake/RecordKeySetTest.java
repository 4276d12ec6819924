package vn.inspection.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecordKeySetTest {

    @Test
    void behavesAsASetOfKeysAcrossGrowth() {
        RecordKeySet keys = new RecordKeySet();
        Set<String> reference = new HashSet<>();
        Random random = new Random(42);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(bytes);
            // every fourth key is a repeat of an earlier one
            String key = i % 4 == 3 && !reference.isEmpty() ? reference.iterator().next() : HexFormat.of().formatHex(bytes);
            assertThat(keys.add(key)).isEqualTo(reference.add(key));
        }
        assertThat(keys.size()).isEqualTo(reference.size());
        for (String key : reference) {
            assertThat(keys.contains(key)).isTrue();
        }
        assertThat(keys.contains("ffffffffffffffffffffffffffffffff")).isEqualTo(reference.contains("ffffffffffffffffffffffffffffffff"));
    }

    @Test
    void keysDifferingOnlyInTheLowHalfAreDistinct() {
        RecordKeySet keys = new RecordKeySet();
        assertThat(keys.add("00000000000000000000000000000001")).isTrue();
        assertThat(keys.add("00000000000000000000000000000002")).isTrue();
        assertThat(keys.add("00000000000000000000000000000001")).isFalse();
        assertThat(keys.size()).isEqualTo(2);
    }

    private static byte[] longBytes(long high, long low) {
        return java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }

    @Test
    void truncatingForgetsTheKeysAddedAfterTheMark() {
        // keys are kept in pages of 32,768: the mark falls inside a page and the later keys span several pages
        RecordKeySet keys = new RecordKeySet();
        Random random = new Random(3);
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < 40_000; i++) {
            String key = HexFormat.of().formatHex(longBytes(random.nextLong(), random.nextLong()));
            keys.add(key);
            kept.add(key);
        }
        int mark = keys.size();
        Set<String> later = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String key = HexFormat.of().formatHex(longBytes(random.nextLong(), random.nextLong()));
            keys.add(key);
            later.add(key);
        }

        keys.truncate(mark);

        assertThat(keys.size()).isEqualTo(40_000);
        assertThat(kept).allMatch(keys::contains);
        assertThat(later).noneMatch(keys::contains);
        // the set grows again over the pages it gave back, and still knows every key once
        assertThat(later).allMatch(keys::add);
        assertThat(keys.size()).isEqualTo(140_000);
        assertThat(kept).noneMatch(keys::add);
        assertThat(later).allMatch(keys::contains);
    }
}
