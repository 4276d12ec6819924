package vn.inspection.pipeline.nightly;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.ingest.UnitChanges;
import vn.inspection.pipeline.system.Json;

/**
 * The summary of one nightly run (one execution: a restart has its own), as {@code runs/} keeps it and as the command
 * prints it: the inbox's files by outcome, the records accepted, skipped as duplicates and rejected, where the rejects
 * and quarantined files are, what a units reference changed (counts, first codes, unit levels not listed), the warehouse, each report due and each delivery, every step with its duration, and,
 * when the run failed, which step and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NightlySummary(@JsonProperty("job") String job,
                             @JsonProperty("run") long run,
                             @JsonProperty("execution") long execution,
                             @JsonProperty("attempt") int attempt,
                             @JsonProperty("status") String status,
                             @JsonProperty("exit_code") int exitCode,
                             @JsonProperty("started") Instant started,
                             @JsonProperty("ended") Instant ended,
                             @JsonProperty("duration_ms") long durationMs,
                             @JsonProperty("as_of") LocalDate asOf,
                             @JsonProperty("inbox") String inbox,
                             @JsonProperty("move_processed") boolean moveProcessed,
                             @JsonProperty("failed") Failure failed,
                             @JsonProperty("files") Files files,
                             @JsonProperty("records") Map<String, IngestSummary.Totals> records,
                             @JsonProperty("rejects_report") String rejectsReport,
                             @JsonProperty("units") UnitChanges units,
                             @JsonProperty("ingest_run") Long ingestRun,
                             @JsonProperty("problems") List<Problem> problems,
                             @JsonProperty("moved") List<Moved> moved,
                             @JsonProperty("warehouse") String warehouse,
                             @JsonProperty("reports") List<ReportOutcome> reports,
                             @JsonProperty("deliveries") List<DeliveryOutcome> deliveries,
                             @JsonProperty("rejects_returned") List<RejectsOutcome> rejectsReturned,
                             @JsonProperty("steps") List<StepRun> steps,
                             @JsonProperty("summary_file") String summaryFile) {

    public static final String JOB = "nightly";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The step that failed and why, in one line. */
    public record Failure(@JsonProperty("step") String step, @JsonProperty("reason") String reason) {
    }

    /** The inbox's spreadsheets by outcome. */
    public record Files(@JsonProperty("found") int found, @JsonProperty("ingested") int ingested,
                        @JsonProperty("already_ingested") int alreadyIngested, @JsonProperty("quarantined") int quarantined,
                        @JsonProperty("not_recognised") int notRecognised) {
    }

    /** A file that needs a person: quarantined (a copy is in the quarantine folder) or not recognised as a register. */
    public record Problem(@JsonProperty("file") String file, @JsonProperty("status") String status, @JsonProperty("reason") String reason) {
    }

    /** A file moved out of the inbox ({@code --move-processed}). */
    public record Moved(@JsonProperty("from") String from, @JsonProperty("to") String to) {
    }

    /** One step of this execution. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepRun(@JsonProperty("step") String step, @JsonProperty("status") String status,
                          @JsonProperty("started") Instant started, @JsonProperty("duration_ms") long durationMs) {
    }

    public String toJson() {
        return Json.write(this);
    }

    public static NightlySummary fromJson(String json) {
        return Json.read(json, NightlySummary.class);
    }

    /** Whether the run failed. */
    public boolean failedRun() {
        return failed != null || !"COMPLETED".equals(status);
    }

    /** The summary as a clerk reads it. */
    public String toText(ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("NIGHTLY RUN ").append(run).append(attempt > 1 ? " (attempt " + attempt + ", resumed)" : "").append(" \u2014 ").append(status)
                .append(" in ").append(seconds(durationMs)).append(", started ").append(WHEN.format(started.atZone(zone)))
                .append(", reports due as of ").append(asOf).append('\n');
        if (failed != null) {
            out.append("FAILED at step '").append(failed.step()).append("': ").append(failed.reason()).append('\n');
            out.append("Run the same command again to resume at that step (what completed is not done again).\n");
        }
        out.append('\n');
        out.append("Inbox: ").append(inbox).append('\n');
        if (files == null) {
            out.append("  not read by this run\n");
        } else if (files.found() == 0) {
            out.append("  no spreadsheet to read\n");
        } else if (ingestRun == null) {
            out.append(String.format("  %d file%s, all already in the lake: nothing new to ingest%n", files.found(), files.found() == 1 ? "" : "s"));
        } else {
            out.append(String.format("  %d file%s: %d ingested, %d already in the lake, %d quarantined, %d not recognised%n", files.found(),
                    files.found() == 1 ? "" : "s", files.ingested(), files.alreadyIngested(), files.quarantined(), files.notRecognised()));
        }
        if (records != null && !records.isEmpty()) {
            out.append(String.format("  %-14s %10s %11s %9s %11s%n", "RECORDS", "ACCEPTED", "DUPLICATES", "REJECTED", "OTHER ROWS"));
            long accepted = 0;
            long duplicates = 0;
            long rejected = 0;
            long other = 0;
            for (Map.Entry<String, IngestSummary.Totals> e : records.entrySet()) {
                IngestSummary.Totals t = e.getValue();
                out.append(String.format("  %-14s %,10d %,11d %,9d %,11d%n", e.getKey(), t.accepted(), t.duplicates(), t.rejectedOrParked(), t.otherRows()));
                accepted += t.accepted();
                duplicates += t.duplicates();
                rejected += t.rejectedOrParked();
                other += t.otherRows();
            }
            out.append(String.format("  %-14s %,10d %,11d %,9d %,11d%n", "total", accepted, duplicates, rejected, other));
        }
        if (rejectsReport != null && records != null && records.values().stream().anyMatch(t -> t.rejectedOrParked() > 0)) {
            out.append("  Rejected rows (file, sheet, row, reason): ").append(rejectsReport).append('\n');
        }
        if (units != null) {
            out.append("  Units reference:\n");
            units.lines().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        if (problems != null) {
            for (Problem p : problems) {
                out.append("  ").append(p.status()).append(": ").append(vn.inspection.pipeline.system.Printable.name(p.file())).append(" \u2014 ").append(vn.inspection.pipeline.system.Printable.text(p.reason())).append('\n');
            }
        }
        if (moved != null && !moved.isEmpty()) {
            out.append("  Moved ").append(moved.size()).append(moved.size() == 1 ? " file" : " files").append(" to ")
                    .append(Path.of(moved.get(0).to()).getParent()).append('\n');
        }
        out.append("Warehouse: ").append(warehouse).append('\n');
        out.append('\n');
        out.append("REPORTS DUE\n");
        if (reports == null) {
            out.append("  not reached by this run\n");
        } else if (reports.isEmpty()) {
            out.append("  none (no report spec says when it is due)\n");
        }
        for (ReportOutcome r : reports == null ? List.<ReportOutcome>of() : reports) {
            out.append(String.format("  %-11s %s vs %s  %s", r.report(), r.periods().get(1), r.periods().get(0), r.status()));
            if (r.file() != null) {
                out.append("  ").append(r.file()).append(r.pages() == null ? "" : " (" + r.pages() + " pages)");
            }
            if (r.note() != null && r.status() != ReportOutcome.Status.RENDERED) {
                out.append("\n      ").append(r.note());
            }
            out.append('\n');
        }
        out.append("DELIVERIES\n");
        if (deliveries == null) {
            out.append("  not reached by this run\n");
        } else if (deliveries.isEmpty()) {
            out.append("  nothing to deliver\n");
        }
        for (DeliveryOutcome d : deliveries == null ? List.<DeliveryOutcome>of() : deliveries) {
            out.append(String.format("  %-40s %s", d.file(), d.status()));
            if (!d.to().isEmpty()) {
                out.append("  to ").append(String.join(", ", d.to()));
            }
            if (d.note() != null) {
                out.append("\n      ").append(d.note());
            }
            out.append('\n');
        }
        if (rejectsReturned != null && !rejectsReturned.isEmpty()) {
            out.append("REJECTED ROWS RETURNED TO OFFICES\n");
            rejectsReturned.forEach(r -> out.append(r.line()).append('\n'));
        }
        java.util.Map<String, long[]> perUnit = perUnit();
        if (!perUnit.isEmpty()) {
            out.append("PER UNIT (reports mailed this night, rejected rows returned this night)\n");
            perUnit.forEach((unit, n) -> out.append(String.format("  %-12s %3d report%s  %,6d rejected row%s returned%n", unit, n[0], n[0] == 1 ? " " : "s",
                    n[1], n[1] == 1 ? "" : "s")));
        }
        out.append('\n');
        out.append(String.format("%-10s %-10s %9s%n", "STEP", "STATUS", "TIME"));
        for (StepRun s : steps) {
            out.append(String.format("%-10s %-10s %9s%n", s.step(), s.status(), seconds(s.durationMs())));
        }
        if (summaryFile != null) {
            out.append('\n').append("Summary: ").append(summaryFile).append('\n');
        }
        return out.toString();
    }

    /** The unit of a delivery's key ({@code half-year/2014-H1-vs-2013-H1/DU05}), or null for a report on every unit. */
    public static String unitOf(String key) {
        if (key == null) {
            return null;
        }
        int first = key.indexOf('/');
        int second = first < 0 ? -1 : key.indexOf('/', first + 1);
        return second < 0 ? null : key.substring(second + 1);
    }

    /** Unit code → {reports mailed, rejected rows returned} this night, for the units that had either. */
    java.util.Map<String, long[]> perUnit() {
        java.util.Map<String, long[]> units = new java.util.TreeMap<>();
        for (DeliveryOutcome d : deliveries == null ? List.<DeliveryOutcome>of() : deliveries) {
            if (d.status() == DeliveryOutcome.Status.SENT && unitOf(d.key()) != null) {
                units.computeIfAbsent(unitOf(d.key()), u -> new long[2])[0]++;
            }
        }
        for (RejectsOutcome r : rejectsReturned == null ? List.<RejectsOutcome>of() : rejectsReturned) {
            if (r.status() == RejectsOutcome.Status.SENT && r.unit() != null) {
                units.computeIfAbsent(r.unit(), u -> new long[2])[1] += r.rows();
            }
        }
        return units;
    }

    /** "2014-07-02 02:00" in the zone. */
    static String when(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone));
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.ofMillis(millis).toMillis() / 1000.0);
    }
}
