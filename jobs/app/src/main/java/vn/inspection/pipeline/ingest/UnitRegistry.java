package vn.inspection.pipeline.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.inspection.pipeline.unit.UnitHierarchy.Unit;
import vn.inspection.pipeline.record.UnitDirectory;
import vn.inspection.pipeline.text.VietnameseText;

/**
 * The units a run can resolve records to: the units reference in the lake, plus the units accepted
 * earlier in the same run. Units of the file being read are pending until that file is published, and are
 * dropped if it fails. A record names its unit by code, name or alias, matched ignoring case, diacritics
 * and punctuation; a name two units share resolves to neither. Every definition of a unit counts: a unit
 * renamed by a later reference is found by its new name and by its old one (registers of past years use it).
 */
public class UnitRegistry implements UnitDirectory {
    private final Map<String, String> committed = new HashMap<>();
    private final Map<String, Set<String>> committedNames = new HashMap<>();
    private final Map<String, Unit> pending = new LinkedHashMap<>();
    private final Map<String, String> pendingCodes = new HashMap<>();
    private final Map<String, Set<String>> pendingNames = new HashMap<>();

    public void addCommitted(Unit unit) {
        index(unit, committed, committedNames);
    }

    /** A unit accepted from the file being read (a new unit, or a new definition of a known one). */
    public void addPending(Unit unit) {
        pending.put(VietnameseText.matchKey(unit.code()), unit);
        index(unit, pendingCodes, pendingNames);
    }

    public void commitPending() {
        pendingCodes.forEach(committed::putIfAbsent);
        pendingNames.forEach((name, codes) -> committedNames.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(codes));
        dropPending();
    }

    public void dropPending() {
        pending.clear();
        pendingCodes.clear();
        pendingNames.clear();
    }

    public int size() {
        return (int) java.util.stream.Stream.concat(committed.keySet().stream(), pending.keySet().stream()).distinct().count();
    }

    private static void index(Unit unit, Map<String, String> codes, Map<String, Set<String>> names) {
        codes.putIfAbsent(VietnameseText.matchKey(unit.code()), unit.code());
        names.computeIfAbsent(VietnameseText.matchKey(unit.name()), k -> new LinkedHashSet<>()).add(unit.code());
        if (unit.aliases() != null) {
            for (String alias : unit.aliases().split(";")) {
                String key = VietnameseText.matchKey(alias);
                if (!key.isEmpty()) {
                    names.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(unit.code());
                }
            }
        }
    }

    @Override
    public Resolution resolve(String text) {
        String key = VietnameseText.matchKey(text);
        String code = committed.get(key);
        if (code != null) {
            return Resolution.of(code);
        }
        Unit pendingUnit = pending.get(key);
        if (pendingUnit != null) {
            return Resolution.of(pendingUnit.code());
        }
        Set<String> codes = new LinkedHashSet<>(committedNames.getOrDefault(key, Set.of()));
        codes.addAll(pendingNames.getOrDefault(key, Set.of()));
        if (codes.size() == 1) {
            return Resolution.of(codes.iterator().next());
        }
        if (codes.size() > 1) {
            return Resolution.failed("unit name '" + VietnameseText.clean(text) + "' is ambiguous (units " + new ArrayList<>(codes) + "): use the unit code");
        }
        return Resolution.missing("unknown unit '" + VietnameseText.clean(text) + "' (not a code, name or alias in the units reference)");
    }

    public List<String> codes() {
        return new ArrayList<>(committed.values());
    }
}
