package vn.inspection.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the units references of a run changed, as its summary shows it: how many units were added, renamed, moved to
 * another parent, merged into a successor or otherwise changed (level, aliases, validity), each with the first
 * {@value #FIRST} codes, and the file in the home that lists every change ({@code reports/unit-changes-run-N.csv}). A
 * province's reference adds thousands of units: the summary, on the screen and in JSON, never lists them all.
 *
 * <p>It also warns about every unit level the references wrote that {@code schemas/enumerations.json} does not list
 * ({@code unit_level}): the level is descriptive, so the unit was accepted with the level kept as typed.
 */
public record UnitChanges(
        @JsonProperty("added") Kind added,
        @JsonProperty("renamed") Kind renamed,
        @JsonProperty("moved") Kind moved,
        @JsonProperty("merged") Kind merged,
        @JsonProperty("changed") Kind changed,
        @JsonProperty("list") String list,
        @JsonProperty("level_warnings") List<LevelWarning> levelWarnings) {

    /** How many codes the summary names of each kind of change. */
    public static final int FIRST = 5;

    public UnitChanges {
        levelWarnings = levelWarnings == null ? List.of() : List.copyOf(levelWarnings);
    }

    /** How many units a kind of change concerns, and the first {@value #FIRST} of their codes in the order they were read. */
    public record Kind(@JsonProperty("count") long count, @JsonProperty("first_codes") List<String> firstCodes) {
        public Kind {
            firstCodes = firstCodes == null ? List.of() : List.copyOf(firstCodes);
        }

        static Kind of(List<String> codes) {
            return new Kind(codes.size(), codes.subList(0, Math.min(FIRST, codes.size())));
        }

        /** "DBK, DU01, DU02, DU03, DU04 and 381 more". */
        String codes() {
            return String.join(", ", firstCodes) + (count > firstCodes.size() ? " and " + String.format("%,d", count - firstCodes.size()) + " more" : "");
        }
    }

    /**
     * A level written in the references that the enumeration does not list: the text as kept, how many units of the run
     * have it (the first {@value #FIRST} codes), and the files that wrote it.
     */
    public record LevelWarning(
            @JsonProperty("level") String level,
            @JsonProperty("count") long count,
            @JsonProperty("first_codes") List<String> firstCodes,
            @JsonProperty("files") List<String> files) {
        public LevelWarning {
            firstCodes = firstCodes == null ? List.of() : List.copyOf(firstCodes);
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** "level 'Đảng bộ bộ phận xyz' (don-vi.xlsx) is not a level schemas/enumerations.json lists: kept as typed for 1 unit (BP01)". */
        public String describe() {
            return "level '" + level + "' (" + String.join(", ", files) + ") is not a level schemas/enumerations.json lists (unit_level): "
                    + "kept as typed for " + units(count) + " (" + new Kind(count, firstCodes).codes() + ")";
        }
    }

    /** One unit's new definition as the summary counts it: its code, what changed, its level, the file it came from. */
    record Changed(String code, List<String> changes, String level, String file) {
    }

    /**
     * The summary of the definitions a run brought, in the order they were read; {@code unknownLevel} tells a level the
     * enumeration does not list; {@code list} is the file holding every change.
     */
    static UnitChanges of(List<Changed> definitions, java.util.function.Predicate<String> unknownLevel, String list) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("ADDED", "RENAMED", "MOVED", "MERGED", "CHANGED")) {
            byKind.put(kind, new ArrayList<>());
        }
        Map<String, List<String>> levelCodes = new LinkedHashMap<>();
        Map<String, Set<String>> levelFiles = new LinkedHashMap<>();
        for (Changed definition : definitions) {
            definition.changes().forEach(change -> byKind.computeIfAbsent(change, k -> new ArrayList<>()).add(definition.code()));
            if (definition.level() != null && unknownLevel.test(definition.level())) {
                levelCodes.computeIfAbsent(definition.level(), l -> new ArrayList<>()).add(definition.code());
                levelFiles.computeIfAbsent(definition.level(), l -> new LinkedHashSet<>()).add(definition.file());
            }
        }
        List<LevelWarning> warnings = new ArrayList<>();
        levelCodes.forEach((level, codes) -> warnings.add(new LevelWarning(level, codes.size(), Kind.of(codes).firstCodes(),
                List.copyOf(levelFiles.get(level)))));
        return new UnitChanges(Kind.of(byKind.get("ADDED")), Kind.of(byKind.get("RENAMED")), Kind.of(byKind.get("MOVED")),
                Kind.of(byKind.get("MERGED")), Kind.of(byKind.get("CHANGED")), list, warnings);
    }

    /**
     * The lines the ingest table prints under "UNITS REFERENCE": one per kind of change that happened, where every
     * change is listed, then one per unknown level.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        line(lines, added, "added");
        line(lines, renamed, "renamed");
        line(lines, moved, "moved to another parent");
        line(lines, merged, "merged into a successor");
        line(lines, changed, "changed (level, aliases or validity)");
        if (list != null) {
            lines.add("Every change: " + list);
        }
        levelWarnings.forEach(w -> lines.add("Warning: " + w.describe()));
        return lines;
    }

    private static void line(List<String> lines, Kind kind, String what) {
        if (kind != null && kind.count() > 0) {
            lines.add(units(kind.count()) + " " + what + ": " + kind.codes());
        }
    }

    private static String units(long n) {
        return String.format("%,d", n) + (n == 1 ? " unit" : " units");
    }
}
