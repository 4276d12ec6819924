package vn.inspection.pipeline.contract;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.unit.UnitHierarchy;

/**
 * The neutral fixture of the engine contract: a handful of records whose counts are worked out by hand in
 * {@link MetricEngineContract}, written as a lake by {@link FixtureLake} over five committed source files and
 * one stray file no manifest entry lists.
 *
 * <pre>
 * Units:  B (bloc) ─┬─ C1 ── C1a (branch)
 *                   ├─ C2
 *                   └─ M  (merged into C2 at the end of 2013: its records count under C2 unless as recorded)
 * ZZ: a unit the units reference lacks (one inspection of it counts for all units only)
 * </pre>
 */
public final class ContractFixture {
    private ContractFixture() {
    }

    /** Writes the fixture lake into {@code root}; returns it. */
    public static FixtureLake write(Path root, SchemaCatalog schemas) {
        FixtureLake lake = new FixtureLake(root, schemas);
        Instant day = Instant.parse("2014-08-01T08:00:00Z");
        lake.commit("don-vi.xlsx", day, units());
        lake.commit("kiem-tra-giam-sat-2014.xlsx", day.plusSeconds(60), concat(inspections2014(), supervisions()));
        lake.commit("kiem-tra-2013.csv", day.plusSeconds(120), List.of(
                inspection("C2", "2013-05-20", "ORG", "COMPLIANCE", false)));                       // i7: 2013
        lake.commit("ky-luat-2014.xlsx", day.plusSeconds(180), disciplines());
        lake.commit("don-thu-2013-2014.csv", day.plusSeconds(240), complaints());
        // left by a crash between the moves and the manifest entry: no reader may count these
        lake.strayFile(List.of(inspection("C1", "2014-02-02", "ORG", "SIGNS_OF_VIOLATION", true),
                inspection("C1", "2014-02-03", "ORG", "SIGNS_OF_VIOLATION", true)));
        return lake;
    }

    /** When the living fixture's steps were committed: the base lake, the corrections, the withdrawal, the readmission. */
    public static final Instant BASE = Instant.parse("2014-08-01T08:04:00Z");
    public static final Instant CORRECTED = Instant.parse("2014-09-01T08:00:00Z");
    public static final Instant WITHDRAWN = Instant.parse("2014-09-15T08:00:00Z");
    public static final Instant READMITTED = Instant.parse("2014-10-01T08:00:00Z");

    /**
     * The fixture lake (without its stray file) as a living register makes it: in September the letters c3 and c5 are
     * resolved (new versions of the same records), mid-September c4 is withdrawn, in October a file brings c4 back.
     */
    public static FixtureLake writeLiving(Path root, SchemaCatalog schemas) {
        FixtureLake lake = new FixtureLake(root, schemas);
        Instant day = Instant.parse("2014-08-01T08:00:00Z");
        lake.commit("don-vi.xlsx", day, units());
        lake.commit("kiem-tra-giam-sat-2014.xlsx", day.plusSeconds(60), concat(inspections2014(), supervisions()));
        lake.commit("ky-luat-2014.xlsx", day.plusSeconds(180), disciplines());
        List<LakeRecord> letters = complaints();
        lake.commit("don-thu-2013-2014.csv", BASE, letters);
        LakeRecord c3 = letters.get(2);
        LakeRecord c4 = letters.get(3);
        LakeRecord c5 = letters.get(4);
        lake.commit("don-thu-2014-thang-9.csv", CORRECTED, List.of(
                resolved(complaint("C2", "2014-03-03", "PETITION", true, "RESOLVED", "2014-06-25"), c3),
                resolved(complaint("B", "2014-06-06", "PETITION", false, "RESOLVED", "2014-06-20"), c5)));
        lake.withdraw(WITHDRAWN, "don-thu-nham.csv", List.of(c4));
        lake.commit("don-thu-2014-gui-lai.csv", READMITTED, List.of(c4));
        return lake;
    }

    private static LakeRecord resolved(LakeRecord corrected, LakeRecord of) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(corrected.values());
        values.put("record_key", FixtureLake.keyOf(of));
        return new LakeRecord(corrected.recordType(), values);
    }

    /** The units reference of the fixture, as the hierarchy reads it. */
    public static UnitHierarchy hierarchy(List<LakeRecord> records) {
        return UnitHierarchy.of(records.stream().filter(r -> r.recordType().equals("units"))
                .map(r -> new UnitHierarchy.Unit((String) r.get("code"), (String) r.get("name"), (String) r.get("parent_code"),
                        (String) r.get("level"), (String) r.get("aliases"), (LocalDate) r.get("valid_from"), (LocalDate) r.get("valid_to"),
                        (String) r.get("successor_code")))
                .toList());
    }

    static List<LakeRecord> units() {
        return List.of(
                unit("B", "Đảng bộ Khối Thử", null, "BLOC", "Khối Thử", null, null),
                unit("C1", "Đảng ủy Bộ Một", "B", "UPPER_BASE", "Bộ Một; Bo 1", null, null),
                unit("C1a", "Chi bộ Vụ Một", "C1", "BRANCH", null, null, null),
                unit("C2", "Đảng ủy Bộ Hai", "B", "UPPER_BASE", null, null, null),
                unit("M", "Đảng ủy Cục Sáp Nhập", "B", "UPPER_BASE", null, "2013-12-31", "C2"));
    }

    static List<LakeRecord> inspections2014() {
        return List.of(
                inspection("C1", "2014-01-10", "ORG", "SIGNS_OF_VIOLATION", true),     // i1
                inspection("C1a", "2014-03-05", "MEMBER", "SIGNS_OF_VIOLATION", false), // i2
                inspection("C1a", "2014-06-30", "MEMBER", "COMPLIANCE", true),         // i3: last day of H1
                inspection("C2", "2014-07-01", "MEMBER", "FINANCE", false),            // i4: first day of H2
                inspection("M", "2014-02-14", "ORG", "TASK_EXECUTION", true),          // i5: merged unit
                inspection("B", "2014-04-01", "MEMBER", "COMPLIANCE", false),          // i6: the bloc itself
                inspection("ZZ", "2014-09-09", "ORG", "FINANCE", null));               // i8: unknown unit, violation blank
    }

    static List<LakeRecord> supervisions() {
        return List.of(
                record("supervision", "unit_code", "C1", "start_date", date("2014-02-01"), "subject_type", "ORG", "subject", "Chi bộ 1",
                        "mode", "THEMATIC"),                                                   // s1
                record("supervision", "unit_code", "C2", "start_date", date("2014-03-01"), "subject_type", "MEMBER",
                        "subject", "DV-00000000000000000002", "mode", "REGULAR"),              // s2
                record("supervision", "unit_code", "M", "start_date", date("2014-05-01"), "subject_type", "MEMBER",
                        "subject", "DV-00000000000000000003", "mode", "THEMATIC"));            // s3
    }

    static List<LakeRecord> disciplines() {
        return List.of(
                discipline("C1a", "2014-03-10", "MEMBER", "REPRIMAND"),  // d1
                discipline("C1a", "2014-04-10", "MEMBER", "WARNING"),    // d2
                discipline("C2", "2014-05-10", "MEMBER", "EXPULSION"),   // d3
                discipline("C1", "2014-06-10", "ORG", "WARNING"),        // d4: an organization warned
                discipline("M", "2014-01-20", "MEMBER", "DISMISSAL"));   // d5
    }

    static List<LakeRecord> complaints() {
        return List.of(
                complaint("C1", "2013-12-20", "DENUNCIATION", true, "RESOLVED", "2014-01-15"),   // c1: received 2013, resolved 2014-H1
                complaint("C1a", "2014-02-02", "APPEAL", false, "RESOLVED", "2014-07-03"),       // c2: received H1, resolved H2
                complaint("C2", "2014-03-03", "PETITION", true, "IN_PROGRESS", null),            // c3
                complaint("M", "2014-04-04", "DENUNCIATION", false, "RESOLVED", "2014-05-05"),   // c4
                complaint("B", "2014-06-06", "PETITION", false, "FILED", null),                  // c5
                complaint("C2", "2014-01-05", "APPEAL", false, "FILED", "2014-02-01"));          // c6: filed, not resolved
    }

    private static LakeRecord unit(String code, String name, String parent, String level, String aliases, String validTo, String successor) {
        return record("units", "code", code, "name", name, "parent_code", parent, "level", level, "aliases", aliases,
                "valid_from", null, "valid_to", validTo == null ? null : date(validTo), "successor_code", successor);
    }

    private static LakeRecord inspection(String unit, String start, String subjectType, String type, Boolean violation) {
        return record("inspection", "unit_code", unit, "decision_no", start + "/QĐ", "start_date", date(start), "subject_type", subjectType,
                "subject", subjectType.equals("ORG") ? "Chi bộ " + unit : "DV-" + Integer.toHexString(start.hashCode()), "type", type,
                "violation", violation);
    }

    private static LakeRecord discipline(String unit, String decided, String subjectType, String form) {
        return record("discipline", "unit_code", unit, "decision_date", date(decided), "subject_type", subjectType,
                "subject", "DV-" + Integer.toHexString(decided.hashCode()), "form", form);
    }

    private static LakeRecord complaint(String unit, String received, String kind, boolean anonymous, String status, String resolved) {
        return record("complaint", "unit_code", unit, "received_date", date(received), "kind", kind, "anonymous", anonymous,
                "status", status, "resolved_date", resolved == null ? null : date(resolved));
    }

    private static LakeRecord record(String type, Object... columnsAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new LakeRecord(type, values);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @SafeVarargs
    private static List<LakeRecord> concat(List<LakeRecord>... lists) {
        List<LakeRecord> all = new ArrayList<>();
        Arrays.stream(lists).forEach(all::addAll);
        return all;
    }
}
