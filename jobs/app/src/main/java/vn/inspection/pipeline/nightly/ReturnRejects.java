package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import vn.inspection.pipeline.delivery.DeliveryLedger;
import vn.inspection.pipeline.delivery.RejectReasons;
import vn.inspection.pipeline.delivery.RejectsLedger;
import vn.inspection.pipeline.delivery.RejectsMail;
import vn.inspection.pipeline.delivery.RejectsProperties;
import vn.inspection.pipeline.delivery.RejectsWorkbook;
import vn.inspection.pipeline.delivery.UnitAddresses;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.unit.UnitHierarchy;

/**
 * Sends every office its own rejected rows after the night's ingest: the files this night's ingest committed with
 * rejected rows (and those whose mail failed on an earlier night), each given to the office that sent it: the address
 * configured for the inbox folder it came from, else the nearest unit with an address at or above the units its records
 * belong to (the units reference's e-mail column). One mail per office and recipient list, with one workbook of its
 * rows ({@link RejectsWorkbook}), once: the ledger ({@link RejectsLedger}) keeps what was sent. The rows hold the names
 * the office typed, so they go only into that office's mail, built in memory; nothing else leaves this class.
 */
final class ReturnRejects {
    private static final Logger log = LoggerFactory.getLogger(ReturnRejects.class);

    private final Lake lake;
    private final SchemaCatalog schemas;
    private final RejectsMail mail;
    private final RejectsProperties properties;
    private final Path outbox;
    private final Clock clock;

    ReturnRejects(Lake lake, SchemaCatalog schemas, RejectsMail mail, RejectsProperties properties, Path outbox, Clock clock) {
        this.lake = lake;
        this.schemas = schemas;
        this.mail = mail;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One office's files of the night. */
    private record Office(String unit, String unitName, List<String> to, List<ManifestEntry> files) {
    }

    /**
     * Returns the rejected rows of the files {@code ingestRun} committed (null: none this night) and of the files whose
     * mail is pending; {@code run} is the nightly run.
     */
    List<RejectsOutcome> returnRejects(Long ingestRun, long run) throws IOException {
        if (!properties.returnToOffices()) {
            return List.of();
        }
        RejectsLedger ledger = RejectsLedger.load(outbox);
        Set<String> pending = new LinkedHashSet<>(ledger.pending());
        LakeSnapshot snapshot = lake.snapshot();
        List<ManifestEntry> files = snapshot.entries().stream()
                .filter(e -> notTaken(e) > 0 && ((ingestRun != null && e.runId() == ingestRun) || pending.contains(e.checksum())))
                .toList();
        if (files.isEmpty()) {
            return List.of();
        }
        UnitAddresses addresses = UnitAddresses.read(lake);
        Map<String, Office> offices = new LinkedHashMap<>();
        List<RejectsOutcome> outcomes = new ArrayList<>();
        for (ManifestEntry file : files) {
            Optional<Office> office = office(file, addresses);
            if (office.isEmpty()) {
                outcomes.add(new RejectsOutcome(null, null, List.of(file.fileName()), notTaken(file), RejectsOutcome.Status.NO_ADDRESS, null,
                        "no address for the office that sent it: set the e-mail column of its unit in the units reference, or "
                                + "pipeline.rejects.folder-addresses for its inbox folder"));
                continue;
            }
            Office found = office.get();
            String key = (found.unit == null ? "folder:" + found.unitName : found.unit) + " " + DeliveryLedger.recipientsKey(found.to);
            offices.computeIfAbsent(key, k -> new Office(found.unit, found.unitName, found.to, new ArrayList<>())).files.add(file);
        }
        RejectReasons reasons = new RejectReasons(schemas);
        for (Office office : offices.values()) {
            outcomes.add(send(office, ledger, reasons, addresses, run));
        }
        return outcomes;
    }

    private RejectsOutcome send(Office office, RejectsLedger ledger, RejectReasons reasons, UnitAddresses addresses, long run) throws IOException {
        String recipients = DeliveryLedger.recipientsKey(office.to);
        List<ManifestEntry> unsent = office.files.stream().filter(f -> !ledger.sent(f.checksum(), recipients)).toList();
        List<String> names = office.files.stream().map(ManifestEntry::fileName).toList();
        long total = office.files.stream().mapToLong(ReturnRejects::notTaken).sum();
        if (unsent.isEmpty()) {
            return new RejectsOutcome(office.unit, office.unitName, names, total, RejectsOutcome.Status.ALREADY_SENT, recipients, null);
        }
        names = unsent.stream().map(ManifestEntry::fileName).toList();
        if (!mail.available()) {
            return new RejectsOutcome(office.unit, office.unitName, names, unsent.stream().mapToLong(ReturnRejects::notTaken).sum(), RejectsOutcome.Status.MAIL_OFF,
                    recipients, "no mail server or sender configured (spring.mail.host, pipeline.delivery.mail.from)");
        }
        List<RejectsWorkbook.Row> rows = new ArrayList<>();
        for (ManifestEntry file : unsent) {
            rows.addAll(rows(file, reasons));
        }
        List<UnitHierarchy.Unit> units = office.unit == null ? addresses.hierarchy().units() : addresses.subtree(office.unit);
        byte[] workbook = RejectsWorkbook.write("Các dòng chưa nhập được — " + office.unitName, rows, units);
        String identity = unsent.stream().map(ManifestEntry::checksum).sorted().collect(Collectors.joining(","));
        try {
            String messageId = mail.send(office.to, office.unitName, names, rows.size(), workbook, identity);
            for (ManifestEntry file : unsent) {
                ledger.record(new RejectsLedger.Entry(file.checksum(), file.fileName(), office.unit, recipients, notTaken(file), clock.instant(),
                        messageId, run));
            }
            log.info("returned {} rejected rows of {} to {} ({})", rows.size(), names, office.unit == null ? office.unitName : office.unit, recipients);
            return new RejectsOutcome(office.unit, office.unitName, names, rows.size(), RejectsOutcome.Status.SENT, recipients, null);
        } catch (Exception e) {
            log.warn("could not mail the rejected rows of {} to {}: {}; the next run tries again", names, recipients, Errors.describe(e));
            log.info("the rejects mail failed", e);
            for (ManifestEntry file : unsent) {
                ledger.record(new RejectsLedger.Entry(file.checksum(), file.fileName(), office.unit, recipients, notTaken(file), null, null, run));
            }
            return new RejectsOutcome(office.unit, office.unitName, names, rows.size(), RejectsOutcome.Status.FAILED, recipients, Errors.describe(e));
        }
    }

    /**
     * The rows of a file the lake did not take: rejected, and parked (valid, but for a unit the units reference lacks:
     * they wait, and the office should know why, in case the unit was mistyped). Both are in the file's rejects.
     */
    static long notTaken(ManifestEntry file) {
        return file.rejected() + file.sheets().stream().mapToLong(ManifestEntry.SheetCounts::parkedRows).sum();
    }

    /** The office of a file: its inbox folder's configured address, else the unit of its records with an address. */
    private Optional<Office> office(ManifestEntry file, UnitAddresses addresses) {
        Path source = Path.of(file.sourcePath());
        for (Map.Entry<String, List<String>> folder : properties.folders().entrySet()) {
            Path parent = source.getParent();
            if (parent != null && parent.endsWith(folder.getKey())) {
                return Optional.of(new Office(null, folder.getKey(), folder.getValue(), new ArrayList<>()));
            }
        }
        return addresses.officeOf(unitCodes(file)).map(u -> new Office(u.code(), u.name(), u.emails(), new ArrayList<>()));
    }

    /** The units the file's committed records belong to (a units reference: the units it defines). */
    private Set<String> unitCodes(ManifestEntry file) {
        Set<String> codes = new LinkedHashSet<>();
        Map<String, List<Path>> byType = new LinkedHashMap<>();
        file.dataFiles().forEach(d -> byType.computeIfAbsent(d.recordType(), t -> new ArrayList<>()).add(lake.resolve(d.path())));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<Path>> type : byType.entrySet()) {
                String column = RecordSchema.UNITS.equals(type.getKey()) ? "code" : "unit_code";
                String source = type.getValue().stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                        .collect(Collectors.joining(", "));
                try (ResultSet rs = statement.executeQuery("SELECT DISTINCT " + column + " FROM read_parquet([" + source + "], hive_partitioning = false)")) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the records of " + file.fileName() + " in the lake: " + e.getMessage(), e);
        }
        return codes;
    }

    /** The file's rejected rows as kept beside the lake, worded for the office. */
    private List<RejectsWorkbook.Row> rows(ManifestEntry file, RejectReasons reasons) throws IOException {
        Path kept = lake.rejectsFile(file.checksum());
        List<RejectsWorkbook.Row> rows = new ArrayList<>();
        if (kept == null || !Files.exists(kept)) {
            return rows;
        }
        try (Reader reader = Files.newBufferedReader(kept, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                if (record.size() < 7) {
                    continue;
                }
                String type = record.get(3);
                int row;
                try {
                    row = Integer.parseInt(record.get(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                String register = schemas.schemas().stream().filter(s -> s.recordType().equals(type)).findFirst()
                        .map(s -> s.label().vi()).orElse(type);
                rows.add(new RejectsWorkbook.Row(file.fileName(), record.get(1), row, register, reasons.column(type, record.get(4)),
                        reasons.vietnamese(type, record.get(4), record.get(5)), record.get(6)));
            }
        }
        return rows;
    }
}
