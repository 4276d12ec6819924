package vn.inspection.pipeline.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unit hierarchy of the units reference: parents, depth, the closure (every unit with each of its
 * ancestors, itself included) that rolls figures up, and the successor a merged unit's records are
 * counted under. Computed here, once, so that every engine gets the same tables and none needs recursive
 * SQL. A parent or successor code that names no unit, and cycles, are reported, not guessed around.
 */
public final class UnitHierarchy {

    /**
     * A unit as the units reference holds it. {@code email}: the unit's addresses as typed in the reference's optional
     * e-mail column (several separated by {@code ;}), or null; readers that need no address leave it null.
     */
    public record Unit(String code, String name, String parentCode, String level, String aliases,
                       LocalDate validFrom, LocalDate validTo, String successorCode, String email) {

        /** A unit without an address. */
        public Unit(String code, String name, String parentCode, String level, String aliases, LocalDate validFrom, LocalDate validTo,
                    String successorCode) {
            this(code, name, parentCode, level, aliases, validFrom, validTo, successorCode, null);
        }

        /** The unit's addresses, each trimmed, in the order typed; empty when it has none. */
        public List<String> emails() {
            if (email == null || email.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(email.split("[;,]")).map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        }
    }

    /** One row of the closure: {@code ancestor} is {@code unit} or above it, {@code distance} levels up. */
    public record Link(String ancestor, String unit, int distance) {
    }

    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private UnitHierarchy(List<Unit> list) {
        list.forEach(u -> units.putIfAbsent(u.code(), u));
        for (Unit unit : units.values()) {
            if (unit.parentCode() != null && !units.containsKey(unit.parentCode())) {
                problems.add("unit " + unit.code() + " names parent " + unit.parentCode() + ", which is not in the units reference");
            }
            if (unit.successorCode() != null && !units.containsKey(unit.successorCode())) {
                problems.add("unit " + unit.code() + " names successor " + unit.successorCode() + ", which is not in the units reference");
            }
        }
    }

    public static UnitHierarchy of(List<Unit> units) {
        return new UnitHierarchy(units);
    }

    public List<Unit> units() {
        return List.copyOf(units.values());
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** What is wrong with the reference (unknown parents or successors, cycles); empty when sound. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        for (String code : units.keySet()) {
            for (Runnable check : List.<Runnable>of(() -> ancestors(code), () -> current(code))) {
                try {
                    check.run();
                } catch (IllegalStateException e) {
                    if (!all.contains(e.getMessage())) {
                        all.add(e.getMessage());
                    }
                }
            }
        }
        return all;
    }

    /** The unit and its ancestors, nearest first; stops at an unknown parent. */
    public List<String> ancestors(String code) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = code; at != null && units.containsKey(at); at = units.get(at).parentCode()) {
            if (!seen.add(at)) {
                throw new IllegalStateException("the parents of unit " + code + " form a cycle through " + at);
            }
            chain.add(at);
        }
        return chain;
    }

    public int depth(String code) {
        return ancestors(code).size() - 1;
    }

    /** The unit that today carries a unit's records: its successor, followed to the end; itself when not merged. */
    public String current(String code) {
        Set<String> seen = new HashSet<>();
        String at = code;
        while (units.containsKey(at) && units.get(at).successorCode() != null && units.containsKey(units.get(at).successorCode())) {
            if (!seen.add(at)) {
                throw new IllegalStateException("the successors of unit " + code + " form a cycle through " + at);
            }
            at = units.get(at).successorCode();
        }
        return at;
    }

    /** Every (ancestor, unit, distance) of the hierarchy, the unit itself at distance 0. */
    public List<Link> closure() {
        List<Link> links = new ArrayList<>();
        for (String code : units.keySet()) {
            List<String> chain = ancestors(code);
            for (int d = 0; d < chain.size(); d++) {
                links.add(new Link(chain.get(d), code, d));
            }
        }
        return links;
    }

    /** The root units (no parent): normally one, the unit whose reference it is (a province, a district, a bloc). */
    public List<String> roots() {
        return units.values().stream().filter(u -> u.parentCode() == null).map(Unit::code).toList();
    }
}
