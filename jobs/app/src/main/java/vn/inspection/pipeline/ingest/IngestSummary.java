package vn.inspection.pipeline.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.system.Json;

/**
 * The outcome of an ingest run, as the CLI prints it ({@code --format json} prints exactly this): every
 * input file with its status and per-sheet counts, totals per record type, the rejects report, and what the
 * units references changed ({@code units}: counts and first codes, absent when the run brought no unit).
 * Summaries written before {@code units} held every change as {@code unit_changes}: read, that is left aside.
 */
@JsonIgnoreProperties({"unit_changes"})
public record IngestSummary(
        @JsonProperty("files") List<FileSummary> files,
        @JsonProperty("totals") Map<String, Totals> totals,
        @JsonProperty("rejects_report") String rejectsReport,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("corrections_report") String correctionsReport,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("late_rows") LateRows lateRows,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("units") UnitChanges units,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("note") String note) {

    public IngestSummary(List<FileSummary> files, Map<String, Totals> totals, String rejectsReport) {
        this(files, totals, rejectsReport, null, null, null, null);
    }

    /** The summary of a run given nothing to read: says so. */
    public static IngestSummary nothingFound(String note) {
        return new IngestSummary(List.of(), Map.of(), null, null, null, null, note);
    }

    /**
     * Rows that waited for the units reference: {@code accepted}, those of earlier files the run let in after the
     * units reference changed; {@code stillParked}, those of every file that still wait (listed in their runs' rejects).
     */
    public record LateRows(@JsonProperty("accepted") long accepted, @JsonProperty("still_parked") long stillParked) {
    }

    /** Records withdrawn by the run's resends, all files together. */
    public long withdrawn() {
        return files.stream().mapToLong(FileSummary::withdrawn).sum();
    }

    /**
     * One change a units reference ingested by the run made: a unit added, renamed, moved to another parent or
     * merged into a successor ({@code changes}), with the definition it replaced and the day it takes effect
     * (a line of {@code reports/unit-changes-run-N.csv}).
     */
    public record UnitChange(
            @JsonProperty("file") String file,
            @JsonProperty("code") String code,
            @JsonProperty("changes") List<String> changes,
            @JsonProperty("name") String name,
            @JsonProperty("previous_name") String previousName,
            @JsonProperty("parent_code") String parentCode,
            @JsonProperty("previous_parent_code") String previousParentCode,
            @JsonProperty("successor_code") String successorCode,
            @JsonProperty("effective_from") java.time.LocalDate effectiveFrom) {

        /** "renamed 'A' → 'B'; moved DV03 → DV02 (from 2015-01-01)". */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            for (String change : changes) {
                parts.add(switch (change) {
                    case "ADDED" -> "added '" + name + "'" + (parentCode == null ? "" : " under " + parentCode);
                    case "RENAMED" -> "renamed '" + previousName + "' → '" + name + "'";
                    case "MOVED" -> "moved " + previousParentCode + " → " + parentCode;
                    case "MERGED" -> "merged into " + successorCode;
                    default -> "changed";
                });
            }
            return String.join("; ", parts) + (effectiveFrom == null || changes.contains("ADDED") ? "" : " (from " + effectiveFrom + ")");
        }
    }

    public record FileSummary(
            @JsonProperty("path") String path,
            @JsonProperty("status") FileResult.Status status,
            @JsonProperty("reason") String reason,
            @JsonProperty("sheets") List<SheetSummary> sheets,
            @JsonProperty("withdrawn") long withdrawn,
            @JsonProperty("not_withdrawn") long notWithdrawn) {

        public FileSummary(String path, FileResult.Status status, String reason, List<SheetSummary> sheets) {
            this(path, status, reason, sheets, 0, 0);
        }
    }

    /**
     * What one sheet gave. Every row is accounted for: {@code rows} = accepted (new records) + corrected (new versions
     * of records the lake held) + duplicates + outdated (equal to a version already corrected) + rejected + the rows
     * of {@code noise}, by kind ({@code blank}, {@code title}, {@code header}, {@code repeated_header},
     * {@code column_numbers}, {@code group_heading}, {@code subtotal}, {@code total}, {@code signature},
     * {@code notes}, {@code not_a_register}). {@code rows} is null for a file ingested before rows were counted.
     */
    public record SheetSummary(
            @JsonProperty("sheet") String sheet,
            @JsonProperty("record_type") String recordType,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("rows") Long rows,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("corrected") long corrected,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("outdated") long outdated,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("parked") long parked,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("noise") Map<String, Long> noise,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("note") String note) {

        public SheetSummary(String sheet, String recordType, Long rows, long accepted, long duplicates, long rejected, Map<String, Long> noise,
                            String note) {
            this(sheet, recordType, rows, accepted, 0, duplicates, 0, rejected, 0, noise, note);
        }

        /** The rows of noise, all kinds together. */
        public long noiseRows() {
            return noise == null ? 0 : noise.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What the sheets of a record type gave, all files together; {@code otherRows} are their rows of noise, every kind. */
    public record Totals(
            @JsonProperty("accepted") long accepted,
            @JsonProperty("corrected") long corrected,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("outdated") long outdated,
            @JsonProperty("rejected") long rejected,
            @JsonProperty("parked") long parked,
            @JsonProperty("other_rows") long otherRows) {
        Totals plus(SheetSummary sheet) {
            return new Totals(accepted + sheet.accepted(), corrected + sheet.corrected(), duplicates + sheet.duplicates(),
                    outdated + sheet.outdated(), rejected + sheet.rejected(), parked + sheet.parked(), otherRows + sheet.noiseRows());
        }
    }

    static Map<String, Totals> totalsOf(List<FileSummary> files) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (FileSummary file : files) {
            for (SheetSummary sheet : file.sheets()) {
                if (sheet.recordType() != null) {
                    totals.merge(sheet.recordType(), new Totals(0, 0, 0, 0, 0, 0, 0).plus(sheet), (a, b) -> a.plus(sheet));
                }
            }
        }
        return totals;
    }

    public boolean anyQuarantined() {
        return files.stream().anyMatch(f -> f.status() == FileResult.Status.QUARANTINED);
    }

    /** Some input was not ingested: quarantined, or not recognised as a register (exit code 3). */
    public boolean anyNotIngested() {
        return files.stream().anyMatch(f -> f.status() == FileResult.Status.QUARANTINED || f.status() == FileResult.Status.NOT_RECOGNISED);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static IngestSummary fromJson(String json) {
        return Json.read(json, IngestSummary.class);
    }
}
