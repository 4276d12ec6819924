package vn.inspection.pipeline.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.unit.UnitHierarchy.Link;
import vn.inspection.pipeline.unit.UnitHierarchy.Unit;

class UnitHierarchyTest {

    static Unit unit(String code, String parent) {
        return new Unit(code, "Đơn vị " + code, parent, null, null, null, null, null);
    }

    static Unit merged(String code, String parent, String successor) {
        return new Unit(code, "Đơn vị " + code, parent, null, null, LocalDate.of(2010, 1, 1), LocalDate.of(2013, 12, 31), successor);
    }

    /**
     * <pre>
     * B ─┬─ C1 ─┬─ C1a
     *    │      └─ C1b
     *    ├─ C2
     *    └─ M   (merged into C2)
     * </pre>
     */
    static final UnitHierarchy BLOC = UnitHierarchy.of(List.of(
            unit("B", null), unit("C1", "B"), unit("C2", "B"), unit("C1a", "C1"), unit("C1b", "C1"), merged("M", "B", "C2")));

    @Nested
    class Ancestors {

        @Test
        void areTheUnitAndItsAncestorsNearestFirst() {
            assertThat(BLOC.ancestors("C1a")).containsExactly("C1a", "C1", "B");
            assertThat(BLOC.ancestors("C2")).containsExactly("C2", "B");
            assertThat(BLOC.ancestors("B")).containsExactly("B");
        }

        @Test
        void depthCountsTheLevelsBelowTheRoot() {
            assertThat(BLOC.depth("B")).isZero();
            assertThat(BLOC.depth("C1")).isEqualTo(1);
            assertThat(BLOC.depth("M")).isEqualTo(1);
            assertThat(BLOC.depth("C1a")).isEqualTo(2);
        }

        @Test
        void stopAtAnUnknownParent() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("A", "GONE"), unit("A1", "A")));
            assertThat(h.ancestors("A1")).containsExactly("A1", "A");
            assertThat(h.depth("A1")).isEqualTo(1);
        }

        @Test
        void ofAnUnknownUnitAreNone() {
            assertThat(BLOC.ancestors("X")).isEmpty();
        }

        @Test
        void ofAUnitInAParentCycleFailNamingTheCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("P", "Q"), unit("Q", "P"), unit("R", "P")));
            assertThatThrownBy(() -> h.ancestors("P"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the parents of unit P form a cycle through P");
            assertThatThrownBy(() -> h.ancestors("R"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the parents of unit R form a cycle through P");
        }
    }

    @Nested
    class Closure {

        @Test
        void linksEveryUnitWithItselfAndEachAncestor() {
            assertThat(BLOC.closure()).containsExactlyInAnyOrder(
                    new Link("B", "B", 0),
                    new Link("C1", "C1", 0), new Link("B", "C1", 1),
                    new Link("C2", "C2", 0), new Link("B", "C2", 1),
                    new Link("C1a", "C1a", 0), new Link("C1", "C1a", 1), new Link("B", "C1a", 2),
                    new Link("C1b", "C1b", 0), new Link("C1", "C1b", 1), new Link("B", "C1b", 2),
                    new Link("M", "M", 0), new Link("B", "M", 1));
        }

        @Test
        void holdsEachUnitOnceAtDistanceZero() {
            assertThat(BLOC.closure()).filteredOn(l -> l.distance() == 0)
                    .allSatisfy(l -> assertThat(l.ancestor()).isEqualTo(l.unit()))
                    .extracting(Link::unit)
                    .containsExactlyInAnyOrder("B", "C1", "C2", "C1a", "C1b", "M");
        }

        @Test
        void theRootIsAnAncestorOfEveryUnitAtItsDepth() {
            assertThat(BLOC.closure()).filteredOn(l -> l.ancestor().equals("B"))
                    .hasSize(6)
                    .allSatisfy(l -> assertThat(l.distance()).isEqualTo(BLOC.depth(l.unit())));
        }

        @Test
        void failsOnAParentCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("P", "Q"), unit("Q", "P")));
            assertThatThrownBy(h::closure).isInstanceOf(IllegalStateException.class).hasMessageContaining("form a cycle");
        }
    }

    @Nested
    class Current {

        @Test
        void aUnitNotMergedIsItsOwnCurrent() {
            assertThat(BLOC.current("C1")).isEqualTo("C1");
            assertThat(BLOC.current("B")).isEqualTo("B");
        }

        @Test
        void aMergedUnitIsCarriedByItsSuccessor() {
            assertThat(BLOC.current("M")).isEqualTo("C2");
        }

        @Test
        void followsTheSuccessorChainToItsEnd() {
            UnitHierarchy h = UnitHierarchy.of(List.of(merged("A", null, "B"), merged("B", null, "C"), unit("C", null)));
            assertThat(h.current("A")).isEqualTo("C");
            assertThat(h.current("B")).isEqualTo("C");
            assertThat(h.current("C")).isEqualTo("C");
        }

        @Test
        void stopsBeforeAnUnknownSuccessor() {
            UnitHierarchy h = UnitHierarchy.of(List.of(merged("A", null, "B"), merged("B", null, "GONE")));
            assertThat(h.current("A")).isEqualTo("B");
            assertThat(h.current("B")).isEqualTo("B");
        }

        @Test
        void ofAnUnknownUnitIsItself() {
            assertThat(BLOC.current("X")).isEqualTo("X");
        }

        @Test
        void failsOnASuccessorCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(merged("A", null, "B"), merged("B", null, "C"), merged("C", null, "B")));
            assertThatThrownBy(() -> h.current("A"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the successors of unit A form a cycle through B");
        }

        @Test
        void failsOnAUnitThatSucceedsItself() {
            UnitHierarchy h = UnitHierarchy.of(List.of(merged("A", null, "A")));
            assertThatThrownBy(() -> h.current("A"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the successors of unit A form a cycle through A");
        }
    }

    @Nested
    class Problems {

        @Test
        void noneForASoundReference() {
            assertThat(BLOC.problems()).isEmpty();
        }

        @Test
        void anUnknownParent() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("C1", "BX")));
            assertThat(h.problems()).containsExactly("unit C1 names parent BX, which is not in the units reference");
        }

        @Test
        void anUnknownSuccessor() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), merged("M", "B", "C9")));
            assertThat(h.problems()).containsExactly("unit M names successor C9, which is not in the units reference");
        }

        @Test
        void aParentCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("P", "Q"), unit("Q", "P")));
            assertThat(h.problems()).containsExactlyInAnyOrder(
                    "the parents of unit P form a cycle through P",
                    "the parents of unit Q form a cycle through Q");
        }

        @Test
        void aUnitThatIsItsOwnParent() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", "B")));
            assertThat(h.problems()).containsExactly("the parents of unit B form a cycle through B");
        }

        @Test
        void aSuccessorCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), merged("S", "B", "T"), merged("T", "B", "S")));
            assertThat(h.problems()).containsExactlyInAnyOrder(
                    "the successors of unit S form a cycle through S",
                    "the successors of unit T form a cycle through T");
        }

        @Test
        void severalAtOnce() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("C1", "BX"), merged("M", "B", "C9"),
                    unit("P", "Q"), unit("Q", "P")));
            assertThat(h.problems()).containsExactlyInAnyOrder(
                    "unit C1 names parent BX, which is not in the units reference",
                    "unit M names successor C9, which is not in the units reference",
                    "the parents of unit P form a cycle through P",
                    "the parents of unit Q form a cycle through Q");
        }

        @Test
        void aSuccessorCycleAmongUnitsThatAlsoFormAParentCycle() {
            UnitHierarchy h = UnitHierarchy.of(List.of(merged("P", "Q", "Q"), merged("Q", "P", "P")));
            assertThat(h.problems()).containsExactlyInAnyOrder(
                    "the parents of unit P form a cycle through P",
                    "the parents of unit Q form a cycle through Q",
                    "the successors of unit P form a cycle through P",
                    "the successors of unit Q form a cycle through Q");
        }
    }

    @Nested
    class Roots {

        @Test
        void areTheUnitsWithoutAParent() {
            assertThat(BLOC.roots()).containsExactly("B");
        }

        @Test
        void aUnitWithAnUnknownParentIsNotARoot() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("C1", "BX"), unit("K", null)));
            assertThat(h.roots()).containsExactly("B", "K");
        }
    }

    @Nested
    class Units {

        @Test
        void keepTheReferenceOrderAndAreFoundByCode() {
            assertThat(BLOC.units()).extracting(Unit::code).containsExactly("B", "C1", "C2", "C1a", "C1b", "M");
            assertThat(BLOC.unit("M")).hasValueSatisfying(u -> assertThat(u.successorCode()).isEqualTo("C2"));
            assertThat(BLOC.unit("X")).isEmpty();
        }

        @Test
        void theFirstOfTwoUnitsWithOneCodeWins() {
            UnitHierarchy h = UnitHierarchy.of(List.of(unit("B", null), unit("C1", "B"), unit("C1", null)));
            assertThat(h.units()).hasSize(2);
            assertThat(h.unit("C1")).hasValueSatisfying(u -> assertThat(u.parentCode()).isEqualTo("B"));
        }
    }
}
