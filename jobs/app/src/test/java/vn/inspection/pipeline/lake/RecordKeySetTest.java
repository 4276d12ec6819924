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
}
