package vn.inspection.pipeline.ingest;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.inspection.pipeline.unit.UnitHierarchy.Unit;
import vn.inspection.pipeline.record.GroupRows;
import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.record.RecordNormaliser;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.record.SheetLayout;

/**
 * Normalises and validates each data row against its record schema ({@link RecordNormaliser}); units
 * accepted from a units reference become resolvable at once for the rest of the file, and for good when
 * the file is published. Group rows ({@link GroupRows}) set the fields a sheet has no column for, for the
 * rows below them; they resolve units here, where the units of the file read so far are known. Markers
 * pass through. With {@code redactRejects} a rejected row's original values carry members' pseudonyms
 * instead of their names ({@link RecordNormaliser#redact}).
 */
public class RowProcessor implements ItemProcessor<SourceItem, ProcessedRow> {
    private final UnitRegistry units;
    private final Pseudonymiser pseudonymiser;
    private final LocalDate today;
    private final boolean redactRejects;
    private final Map<SheetLayout, RecordNormaliser> normalisers = new IdentityHashMap<>();
    private final Map<SheetLayout, GroupRows> groups = new IdentityHashMap<>();

    public RowProcessor(UnitRegistry units, Pseudonymiser pseudonymiser, LocalDate today) {
        this(units, pseudonymiser, today, false);
    }

    public RowProcessor(UnitRegistry units, Pseudonymiser pseudonymiser, LocalDate today, boolean redactRejects) {
        this.units = units;
        this.pseudonymiser = pseudonymiser;
        this.today = today;
        this.redactRejects = redactRejects;
    }

    @Override
    public ProcessedRow process(SourceItem item) {
        if (item instanceof SourceItem.Row row) {
            GroupRows sheetGroups = groups.computeIfAbsent(row.layout(), l -> new GroupRows(l, units));
            Optional<GroupRows.Group> group = sheetGroups.group(row.cells());
            if (row.context()) {
                return new ProcessedRow(item, null);
            }
            if (group.isPresent()) {
                return new ProcessedRow(item, new RowOutcome.Grouped(group.get()));
            }
            RecordNormaliser normaliser = normalisers.computeIfAbsent(row.layout(), l -> new RecordNormaliser(l, units, pseudonymiser, today));
            RowOutcome outcome = normaliser.normalise(row.cells(), sheetGroups.inherited());
            if (outcome instanceof RowOutcome.Accepted accepted && row.layout().schema().isUnits()) {
                units.addPending(unitRow(accepted.values()));
            }
            if (redactRejects && (outcome instanceof RowOutcome.Rejected || outcome instanceof RowOutcome.Parked)) {
                return new ProcessedRow(new SourceItem.Row(row.file(), row.sheet(), row.layout(), row.rowNumber(), normaliser.redact(row.cells()), row.context()), outcome);
            }
            return new ProcessedRow(item, outcome);
        }
        if (item instanceof SourceItem.FileDone) {
            units.commitPending();
            normalisers.clear();
            groups.clear();
        } else if (item instanceof SourceItem.FileFailed) {
            units.dropPending();
            normalisers.clear();
            groups.clear();
        }
        return new ProcessedRow(item, null);
    }

    static Unit unitRow(Map<String, Object> values) {
        return new Unit((String) values.get("code"), (String) values.get("name"), (String) values.get("parent_code"),
                (String) values.get("level"), (String) values.get("aliases"), (LocalDate) values.get("valid_from"),
                (LocalDate) values.get("valid_to"), (String) values.get("successor_code"));
    }
}
