package vn.inspection.pipeline.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.unit.UnitHierarchy.Unit;
import vn.inspection.pipeline.unit.UnitVersions.Change;
import vn.inspection.pipeline.unit.UnitVersions.Entry;
import vn.inspection.pipeline.unit.UnitVersions.Source;
import vn.inspection.pipeline.unit.UnitVersions.Version;

class UnitVersionsTest {
    static final Source FIRST = new Source("don-vi.xlsx", "aaa", Instant.parse("2014-01-05T08:00:00Z"));
    static final Source LATER = new Source("don-vi-gui-lai.xlsx", "bbb", Instant.parse("2015-03-02T08:00:00Z"));

    static Unit unit(String code, String name, String parent) {
        return new Unit(code, name, parent, "UPPER_BASE", null, null, null, null);
    }

    static final List<Entry> SENT_TWICE = List.of(
            new Entry(unit("K", "Khối", null), FIRST),
            new Entry(unit("A", "Đảng bộ A", "K"), FIRST),
            new Entry(unit("B", "Đảng bộ B", "K"), FIRST),
            new Entry(unit("C", "Đảng bộ C", "K"), FIRST),
            new Entry(unit("C1", "Chi bộ C1", "C"), FIRST),
            new Entry(unit("K", "Khối", null), LATER),
            new Entry(new Unit("A", "Đảng bộ A mới", "K", "UPPER_BASE", null, LocalDate.of(2015, 1, 1), null, null), LATER),
            new Entry(new Unit("C", "Đảng bộ C", "K", "UPPER_BASE", null, null, LocalDate.of(2014, 12, 31), "B"), LATER),
            new Entry(unit("C1", "Chi bộ C1", "B"), LATER));

    @Test
    void aLaterReferenceSupersedesTheEarlierDefinitionAndTheCurrentTreeFollowsIt() {
        UnitVersions versions = UnitVersions.of(SENT_TWICE);

        assertThat(versions.current()).extracting(Unit::code, Unit::name, Unit::parentCode, Unit::successorCode).containsExactly(
                tuple("K", "Khối", null, null),
                tuple("A", "Đảng bộ A mới", "K", null),
                tuple("B", "Đảng bộ B", "K", null),
                tuple("C", "Đảng bộ C", "K", "B"),
                tuple("C1", "Chi bộ C1", "B", null));
        assertThat(UnitHierarchy.of(versions.current()).ancestors("C1")).containsExactly("C1", "B", "K");
    }

    @Test
    void keepsEveryVersionWithWhenItWasInForce() {
        List<Version> history = UnitVersions.of(SENT_TWICE).history();

        assertThat(history).extracting(v -> v.unit().code(), Version::version, Version::from, Version::to, Version::changes).containsExactly(
                tuple("K", 1, null, null, Set.of(Change.ADDED)),
                // renamed from its valid_from
                tuple("A", 1, null, LocalDate.of(2014, 12, 31), Set.of(Change.ADDED)),
                tuple("A", 2, LocalDate.of(2015, 1, 1), null, Set.of(Change.RENAMED)),
                tuple("B", 1, null, null, Set.of(Change.ADDED)),
                // merged on its valid_to: its records count under the successor from the day after
                tuple("C", 1, null, LocalDate.of(2014, 12, 31), Set.of(Change.ADDED)),
                tuple("C", 2, LocalDate.of(2015, 1, 1), null, Set.of(Change.MERGED)),
                // moved, with no date of its own: from the day the reference was ingested
                tuple("C1", 1, null, LocalDate.of(2015, 3, 1), Set.of(Change.ADDED)),
                tuple("C1", 2, LocalDate.of(2015, 3, 2), null, Set.of(Change.MOVED)));
    }

    @Test
    void tellsWhatAReferenceChangedAndNotWhatItRepeated() {
        List<Version> changed = UnitVersions.of(SENT_TWICE).broughtBy(Set.of("bbb"));

        assertThat(changed).extracting(v -> v.unit().code(), Version::changes, v -> v.previous().name())
                .containsExactly(tuple("A", Set.of(Change.RENAMED), "Đảng bộ A"), tuple("C", Set.of(Change.MERGED), "Đảng bộ C"),
                        tuple("C1", Set.of(Change.MOVED), "Chi bộ C1"));
        assertThat(UnitVersions.of(SENT_TWICE).broughtBy(Set.of("aaa"))).hasSize(5)
                .allSatisfy(v -> assertThat(v.changes()).containsExactly(Change.ADDED));
    }
}
