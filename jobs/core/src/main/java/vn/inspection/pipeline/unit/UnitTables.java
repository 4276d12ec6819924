package vn.inspection.pipeline.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import vn.inspection.pipeline.text.VietnameseText;

/**
 * The unit relations every engine is given as plain rows, computed once in Java from the units reference
 * so that no engine needs recursive SQL:
 * <ul>
 *   <li>{@code units}: every unit with its hierarchy ({@code current_code}, {@code depth}, {@code path});</li>
 *   <li>{@code unit_closure(ancestor_code, unit_code, distance)}: every unit with each ancestor, itself at 0;</li>
 *   <li>{@code unit_current(unit_code, current_code)}: the unit a merged unit's records count under.</li>
 * </ul>
 */
public record UnitTables(List<UnitRow> units, List<UnitHierarchy.Link> closure, List<CurrentRow> current) {

    /** Column names of {@code units}, in order. */
    public static final List<String> UNIT_COLUMNS = List.of("code", "name", "parent_code", "level", "aliases", "valid_from",
            "valid_to", "successor_code", "current_code", "depth", "path");
    /** Column names of {@code unit_closure}, in order. */
    public static final List<String> CLOSURE_COLUMNS = List.of("ancestor_code", "unit_code", "distance");
    /** Column names of {@code unit_current}, in order. */
    public static final List<String> CURRENT_COLUMNS = List.of("unit_code", "current_code");

    /** One row of {@code units}. */
    public record UnitRow(String code, String name, String parentCode, String level, String aliases, LocalDate validFrom,
                          LocalDate validTo, String successorCode, String currentCode, int depth, String path) {
        /** The row's values in {@link #UNIT_COLUMNS} order. */
        public List<Object> values() {
            return java.util.Arrays.asList(code, name, parentCode, level, aliases, validFrom, validTo, successorCode, currentCode, depth, path);
        }
    }

    /** One row of {@code unit_current}. */
    public record CurrentRow(String unitCode, String currentCode) {
    }

    /**
     * The units a user means by {@code text}: the unit with that code (exactly, else ignoring case), else
     * those whose name or an alias matches it ignoring case, diacritics and punctuation. More than one
     * unit means the text is ambiguous; none, that no unit has it.
     */
    public static List<UnitRow> find(List<UnitRow> units, String text) {
        String wanted = text == null ? "" : text.strip();
        List<UnitRow> exact = units.stream().filter(u -> u.code().equals(wanted)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        String key = VietnameseText.matchKey(wanted);
        if (key.isEmpty()) {
            return List.of();
        }
        List<UnitRow> byCode = units.stream().filter(u -> VietnameseText.matchKey(u.code()).equals(key)).toList();
        if (!byCode.isEmpty()) {
            return byCode;
        }
        return units.stream().filter(u -> VietnameseText.matchKey(u.name()).equals(key)
                || (u.aliases() != null && java.util.Arrays.stream(u.aliases().split(";")).anyMatch(a -> VietnameseText.matchKey(a).equals(key))))
                .toList();
    }

    public static UnitTables of(UnitHierarchy hierarchy) {
        List<UnitRow> units = new ArrayList<>();
        List<CurrentRow> current = new ArrayList<>();
        for (UnitHierarchy.Unit unit : hierarchy.units()) {
            List<String> chain = new ArrayList<>(hierarchy.ancestors(unit.code()));
            Collections.reverse(chain);
            String currentCode = hierarchy.current(unit.code());
            units.add(new UnitRow(unit.code(), unit.name(), unit.parentCode(), unit.level(), unit.aliases(), unit.validFrom(),
                    unit.validTo(), unit.successorCode(), currentCode, chain.size() - 1, String.join("/", chain)));
            current.add(new CurrentRow(unit.code(), currentCode));
        }
        return new UnitTables(List.copyOf(units), hierarchy.closure(), List.copyOf(current));
    }
}
