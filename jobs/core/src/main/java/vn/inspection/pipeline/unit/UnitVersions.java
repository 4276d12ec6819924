package vn.inspection.pipeline.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every definition of every unit the units references in the lake gave, in the order they were ingested:
 * a reference sent again with changed rows (a unit renamed, given a new parent, merged into a successor)
 * supersedes the earlier definition from its effective date (its {@code valid_from}, else the day it was
 * ingested), and the earlier one is kept as history with the day before as its end. The current tree, the
 * one every roll-up follows, is each unit's latest definition. Plain Java, shared by every engine.
 */
public final class UnitVersions {

    /** The units reference a definition came from. */
    public record Source(String file, String checksum, Instant ingestedAt) {
        public LocalDate ingestDate() {
            return ingestedAt == null ? null : ingestedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        }
    }

    /** One definition of a unit as the lake holds it, in ingest order. */
    public record Entry(UnitHierarchy.Unit unit, Source source) {
    }

    /** What a definition changed against the one before it. */
    public enum Change {
        /** The unit's first definition. */
        ADDED,
        /** A new name. */
        RENAMED,
        /** A new parent. */
        MOVED,
        /** Merged into a successor (a successor set or changed). */
        MERGED,
        /** Level, aliases or validity changed. */
        CHANGED
    }

    /**
     * One version of a unit: its definition, its number (1 for the first), when it is in force
     * ({@code from} null: since ever; {@code to} null: still), where it came from, what it changed, and the
     * definition it replaced (null for the first).
     */
    public record Version(UnitHierarchy.Unit unit, int version, LocalDate from, LocalDate to, Source source, Set<Change> changes,
                          UnitHierarchy.Unit previous) {
        public Version {
            changes = changes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changes));
        }
    }

    /** Column names of {@code unit_history}, in order. */
    public static final List<String> HISTORY_COLUMNS = List.of("code", "version", "name", "parent_code", "level", "aliases",
            "successor_code", "valid_from", "valid_to", "changes", "source_file", "ingested_at");

    private final Map<String, List<Version>> byCode = new LinkedHashMap<>();

    private UnitVersions(List<Entry> entries) {
        for (Entry entry : entries) {
            List<Version> versions = byCode.computeIfAbsent(entry.unit().code(), c -> new ArrayList<>());
            Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (last != null && same(last.unit(), entry.unit())) {
                continue; // the same definition sent again: not a version
            }
            LocalDate from = last == null ? entry.unit().validFrom() : effectiveFrom(entry);
            if (last != null) {
                LocalDate end = from == null ? last.to() : from.minusDays(1);
                if (last.unit().validTo() != null && end != null && last.unit().validTo().isBefore(end)) {
                    end = last.unit().validTo();
                }
                versions.set(versions.size() - 1, new Version(last.unit(), last.version(), last.from(), end, last.source(), last.changes(),
                        last.previous()));
            }
            versions.add(new Version(entry.unit(), versions.size() + 1, from, merged(entry.unit()) ? null : entry.unit().validTo(), entry.source(),
                    changes(last == null ? null : last.unit(), entry.unit()), last == null ? null : last.unit()));
        }
    }

    /** The versions of every unit, from definitions given in ingest order. */
    public static UnitVersions of(List<Entry> entries) {
        return new UnitVersions(entries);
    }

    /** A unit definition as read from the lake's units files, with its lineage. */
    public record LakeRow(UnitHierarchy.Unit unit, String checksum, String file, String sheet, int row) {
    }

    /**
     * The versions of every unit from the rows of the lake's units files, whatever order an engine read them in:
     * put in the order their references were ingested (the snapshot's manifest order), then sheet and row. Every
     * engine builds its unit tables through here, so all see the same current tree.
     */
    public static UnitVersions fromLake(List<LakeRow> rows, vn.inspection.pipeline.lake.LakeSnapshot snapshot) {
        Map<String, Integer> order = new java.util.HashMap<>();
        Map<String, Source> sources = new java.util.HashMap<>();
        List<vn.inspection.pipeline.lake.ManifestEntry> entries = snapshot.entries();
        for (int i = 0; i < entries.size(); i++) {
            vn.inspection.pipeline.lake.ManifestEntry entry = entries.get(i);
            order.put(entry.checksum(), i);
            sources.put(entry.checksum(), new Source(entry.fileName(), entry.checksum(), entry.ingestedAt()));
        }
        List<LakeRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((LakeRow r) -> order.getOrDefault(r.checksum(), Integer.MAX_VALUE))
                .thenComparing(LakeRow::checksum).thenComparing(LakeRow::sheet).thenComparingInt(LakeRow::row));
        return of(sorted.stream().map(r -> new Entry(r.unit(), sources.getOrDefault(r.checksum(), new Source(r.file(), r.checksum(), null))))
                .toList());
    }

    /** Each unit's latest definition: the current tree. */
    public List<UnitHierarchy.Unit> current() {
        return byCode.values().stream().map(v -> v.get(v.size() - 1).unit()).toList();
    }

    /** Every version of every unit, by code then version. */
    public List<Version> history() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    /** The versions the given source files brought (by checksum), in order: what an ingest of them changed. */
    public List<Version> broughtBy(Set<String> checksums) {
        return history().stream().filter(v -> v.source() != null && checksums.contains(v.source().checksum())).toList();
    }

    /** A history row's values in {@link #HISTORY_COLUMNS} order. */
    public static List<Object> historyRow(Version v) {
        UnitHierarchy.Unit u = v.unit();
        return java.util.Arrays.asList(u.code(), v.version(), u.name(), u.parentCode(), u.level(), u.aliases(), u.successorCode(),
                v.from(), v.to(), String.join(",", v.changes().stream().sorted().map(Enum::name).toList()),
                v.source() == null ? null : v.source().file(), v.source() == null ? null : v.source().ingestedAt());
    }

    /**
     * When a later definition takes effect: its {@code valid_from}; for a unit merged on its {@code valid_to},
     * the day after (from then its records count under the successor); else the day it was ingested.
     */
    private static LocalDate effectiveFrom(Entry entry) {
        UnitHierarchy.Unit unit = entry.unit();
        if (unit.validFrom() != null) {
            return unit.validFrom();
        }
        if (merged(unit) && unit.validTo() != null) {
            return unit.validTo().plusDays(1);
        }
        return entry.source() == null ? null : entry.source().ingestDate();
    }

    private static boolean merged(UnitHierarchy.Unit unit) {
        return unit.successorCode() != null;
    }

    private static boolean same(UnitHierarchy.Unit a, UnitHierarchy.Unit b) {
        return a.equals(b);
    }

    private static Set<Change> changes(UnitHierarchy.Unit before, UnitHierarchy.Unit after) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (before == null) {
            changes.add(Change.ADDED);
            return changes;
        }
        if (!Objects.equals(before.name(), after.name())) {
            changes.add(Change.RENAMED);
        }
        if (!Objects.equals(before.parentCode(), after.parentCode())) {
            changes.add(Change.MOVED);
        }
        if (after.successorCode() != null && !after.successorCode().equals(before.successorCode())) {
            changes.add(Change.MERGED);
        }
        if (changes.isEmpty()) {
            changes.add(Change.CHANGED);
        }
        return changes;
    }
}
