package vn.inspection.pipeline.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.system.Json;

/**
 * The outcome of an ingest run, as the CLI prints it ({@code --format json} prints exactly this): every
 * input file with its status and per-sheet counts, totals per record type, and the rejects report.
 */
public record IngestSummary(
        @JsonProperty("files") List<FileSummary> files,
        @JsonProperty("totals") Map<String, Totals> totals,
        @JsonProperty("rejects_report") String rejectsReport,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("note") String note) {

    public IngestSummary(List<FileSummary> files, Map<String, Totals> totals, String rejectsReport) {
        this(files, totals, rejectsReport, null);
    }

    /** The summary of a run given nothing to read: says so. */
    public static IngestSummary nothingFound(String note) {
        return new IngestSummary(List.of(), Map.of(), null, note);
    }

    public record FileSummary(
            @JsonProperty("path") String path,
            @JsonProperty("status") FileResult.Status status,
            @JsonProperty("reason") String reason,
            @JsonProperty("sheets") List<SheetSummary> sheets) {
    }

    public record SheetSummary(
            @JsonProperty("sheet") String sheet,
            @JsonProperty("record_type") String recordType,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("rejected") long rejected,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("note") String note) {
    }

    public record Totals(
            @JsonProperty("accepted") long accepted,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("rejected") long rejected) {
        Totals plus(SheetSummary sheet) {
            return new Totals(accepted + sheet.accepted(), duplicates + sheet.duplicates(), rejected + sheet.rejected());
        }
    }

    static Map<String, Totals> totalsOf(List<FileSummary> files) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (FileSummary file : files) {
            for (SheetSummary sheet : file.sheets()) {
                if (sheet.recordType() != null) {
                    totals.merge(sheet.recordType(), new Totals(0, 0, 0).plus(sheet), (a, b) -> a.plus(sheet));
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
