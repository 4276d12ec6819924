package vn.inspection.pipeline.nightly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.inspection.pipeline.delivery.DeliveryLedger;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;
import vn.inspection.pipeline.warehouse.Warehouse;

/**
 * Updated editions of a delivered report: the ledger keeps each as {@code <key>/cap-nhat-<n>}; an edition is made when a
 * figure differs from the latest edition's, and says what changed and why (records corrected, withdrawn, let in late
 * since that edition was computed).
 */
final class UpdatedEditions {
    private UpdatedEditions() {
    }

    static String key(String reportKey, int edition) {
        return reportKey + "/cap-nhat-" + edition;
    }

    /** The latest edition of a report (its first rendering, or its last update) and how many updates it had. */
    record Latest(DeliveryLedger.Entry entry, int updates) {
    }

    static Latest latest(DeliveryLedger ledger, String reportKey) {
        DeliveryLedger.Entry latest = ledger.entry(reportKey).orElseThrow();
        int updates = 0;
        for (int n = 1; ; n++) {
            java.util.Optional<DeliveryLedger.Entry> update = ledger.entry(key(reportKey, n));
            if (update.isEmpty()) {
                break;
            }
            latest = update.get();
            updates = n;
        }
        return new Latest(latest, updates);
    }

    /** A KPI whose value changed: in period A or B, as delivered and now. */
    record Change(String metric, String label, long aBefore, long aNow, long bBefore, long bNow) {
    }

    static List<Change> changes(DeliveryLedger.Entry delivered, Comparison now) {
        List<Change> changes = new ArrayList<>();
        for (Comparison.Row row : now.rows()) {
            delivered.figure(row.metric().id()).ifPresent(f -> {
                if (f.a() != row.a() || f.b() != row.b()) {
                    changes.add(new Change(row.metric().id(), f.label(), f.a(), row.a(), f.b(), row.b()));
                }
            });
        }
        return changes;
    }

    /** Why the figures moved since an instant: versions that corrected a record, records withdrawn, rows let in late. */
    record Reasons(long corrected, long withdrawn, long late) {
        String english() {
            return corrected + " records corrected, " + withdrawn + " withdrawn, " + late + " accepted late";
        }

        String vietnamese() {
            return corrected + " bản ghi được đính chính, " + withdrawn + " bản ghi bị rút, " + late + " dòng được nhận muộn";
        }
    }

    static Reasons reasons(Warehouse warehouse, Instant since, Set<String> recordTypes) {
        long corrected = 0;
        long withdrawn = 0;
        long late = 0;
        java.time.OffsetDateTime at = since.atOffset(java.time.ZoneOffset.UTC);
        try (Connection connection = warehouse.openReadOnly()) {
            for (String type : recordTypes) {
                if (!type.matches("[a-z_]+")) {
                    continue;
                }
                corrected += count(connection, "SELECT count(*) FROM (SELECT valid_from, lag(valid_from) OVER (PARTITION BY record_key ORDER BY valid_from) "
                        + "AS before FROM " + type + "_versions) WHERE valid_from > ? AND before IS NOT NULL", at, null);
                late += count(connection, "SELECT count(*) FROM (SELECT v.valid_from, f.ingested_at, lag(v.valid_from) OVER (PARTITION BY v.record_key "
                        + "ORDER BY v.valid_from) AS before FROM " + type + "_versions v JOIN lake_files f ON f.checksum = v._source_checksum) "
                        + "WHERE valid_from > ? AND before IS NULL AND ingested_at <= ?", at, at);
                withdrawn += count(connection, "SELECT count(*) FROM withdrawals WHERE withdrawn_at > ? AND reason IN ('resent', 'withdrawn') "
                        + "AND record_type = '" + type + "'", at, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count what changed since the last edition: " + e.getMessage(), e);
        }
        return new Reasons(corrected, withdrawn, late);
    }

    private static long count(Connection connection, String sql, Object first, Object second) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            if (second != null) {
                statement.setObject(2, second);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static Label title(Label title, int edition) {
        return new Label("Bản cập nhật" + (edition > 1 ? " lần " + edition : "") + ": " + title.vi(),
                "Updated edition" + (edition > 1 ? " " + edition : "") + ": " + title.en());
    }

    /** The first page's lines: each figure that changed (delivered → now), then why. */
    static List<String> notes(List<Change> changes, Reasons reasons, DeliveryLedger.Entry delivered, Language language, ZoneId zone) {
        boolean vi = language == Language.VI;
        VietnameseNumbers numbers = new VietnameseNumbers(language);
        List<String> notes = new ArrayList<>();
        String when = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(delivered.renderedAt().atZone(zone));
        notes.add(vi ? "Bản cập nhật của báo cáo đã gửi lúc " + when + "; các số liệu thay đổi (đã gửi → nay):"
                : "Updated edition of the report sent at " + when + "; the figures that changed (sent → now):");
        for (Change change : changes) {
            List<String> parts = new ArrayList<>();
            if (change.aBefore() != change.aNow()) {
                parts.add(delivered.labelA() + " " + numbers.count(change.aBefore()) + " → " + numbers.count(change.aNow()));
            }
            if (change.bBefore() != change.bNow()) {
                parts.add(delivered.labelB() + " " + numbers.count(change.bBefore()) + " → " + numbers.count(change.bNow()));
            }
            notes.add(change.label() + ": " + String.join("; ", parts));
        }
        notes.add((vi ? "Vì sao: " : "Why: ") + (vi ? reasons.vietnamese() : reasons.english()) + (vi ? " kể từ bản trước." : " since the last edition."));
        return notes;
    }
}
