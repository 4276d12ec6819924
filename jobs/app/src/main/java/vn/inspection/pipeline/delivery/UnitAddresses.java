package vn.inspection.pipeline.delivery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.unit.UnitHierarchy;
import vn.inspection.pipeline.unit.UnitVersions;

/**
 * Who receives a unit's mail: the current unit tree with each unit's addresses, from the units reference's optional
 * e-mail column ("Email", "Thư điện tử"; several separated by {@code ;}). Read from the lake's committed units files
 * (by name, so files ingested before the column existed read as having no address), made into the current tree by
 * {@link UnitVersions} exactly as the warehouse makes its units, so a later reference that changes an address wins.
 */
public final class UnitAddresses {
    private final UnitHierarchy hierarchy;

    private UnitAddresses(UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The addresses of the lake's current units reference. */
    public static UnitAddresses read(Lake lake) {
        LakeSnapshot snapshot = lake.snapshot();
        List<Path> files = lake.dataFiles(snapshot).getOrDefault(RecordSchema.UNITS, List.of());
        return new UnitAddresses(UnitHierarchy.of(UnitVersions.fromLake(rows(files), snapshot).current()));
    }

    /** Addresses over a given tree (tests, and callers that hold one). */
    public static UnitAddresses of(UnitHierarchy hierarchy) {
        return new UnitAddresses(hierarchy);
    }

    public UnitHierarchy hierarchy() {
        return hierarchy;
    }

    /** The unit's own addresses (none when it has none, or is unknown). */
    public List<String> of(String code) {
        return hierarchy.unit(code).map(UnitHierarchy.Unit::emails).orElse(List.of());
    }

    /** Every current unit that has an address, in the reference's order. */
    public List<UnitHierarchy.Unit> served() {
        return hierarchy.units().stream().filter(u -> !u.emails().isEmpty()).toList();
    }

    /**
     * The unit that receives the mail about records of these units: the nearest unit that has an address, at or above
     * the lowest unit all of them are under (a committee's own register: the committee). Empty when none of the
     * units is known, or no unit up to the top has an address.
     */
    public Optional<UnitHierarchy.Unit> officeOf(Set<String> unitCodes) {
        List<List<String>> chains = new ArrayList<>();
        for (String code : unitCodes) {
            if (code != null && hierarchy.unit(code).isPresent()) {
                chains.add(hierarchy.ancestors(code));
            }
        }
        if (chains.isEmpty()) {
            return Optional.empty();
        }
        Set<String> common = new HashSet<>(chains.get(0));
        chains.forEach(common::retainAll);
        for (String code : chains.get(0)) {   // nearest first
            if (common.contains(code) && !of(code).isEmpty()) {
                return hierarchy.unit(code);
            }
        }
        return Optional.empty();
    }

    /** The units at or below {@code code}, in the reference's order: the names an office may use in its registers. */
    public List<UnitHierarchy.Unit> subtree(String code) {
        return hierarchy.units().stream().filter(u -> hierarchy.ancestors(u.code()).contains(code)).toList();
    }

    private static List<UnitVersions.LakeRow> rows(List<Path> files) {
        List<UnitVersions.LakeRow> rows = new ArrayList<>();
        if (files.isEmpty()) {
            return rows;
        }
        String source = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").collect(Collectors.joining(", "));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet([" + source + "], union_by_name = true, hive_partitioning = false)")) {
            Set<String> columns = new HashSet<>();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            boolean hasEmail = columns.contains("email");
            while (rs.next()) {
                rows.add(new UnitVersions.LakeRow(new UnitHierarchy.Unit(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                        rs.getString("level"), rs.getString("aliases"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("successor_code"), hasEmail ? rs.getString("email") : null),
                        rs.getString("_source_checksum"), rs.getString("_source_file"), rs.getString("_sheet"), rs.getInt("_row")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the units reference in the lake: " + e.getMessage(), e);
        }
        return rows;
    }
}
