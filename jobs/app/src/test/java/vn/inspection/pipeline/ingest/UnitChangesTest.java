package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.system.Json;

class UnitChangesTest {

    static final Set<String> KNOWN_LEVELS = Set.of("PROVINCE", "DISTRICT", "BASE", "BRANCH");

    static UnitChanges.Changed added(String code, String level) {
        return new UnitChanges.Changed(code, List.of("ADDED"), level, "don-vi.xlsx");
    }

    @Test
    void countsTheUnitsOfAProvinceAndNamesOnlyTheFirstFiveOnTheScreen() {
        List<UnitChanges.Changed> definitions = new ArrayList<>();
        definitions.add(added("T01", "PROVINCE"));
        for (int i = 1; i <= 3_000; i++) {
            definitions.add(added(String.format("X%04d", i), "BASE"));
        }

        UnitChanges units = UnitChanges.of(definitions, level -> !KNOWN_LEVELS.contains(level), "/srv/pipeline/reports/unit-changes-run-7.csv");

        assertThat(units.lines()).containsExactly(
                String.format("%,d units added: T01, X0001, X0002, X0003, X0004 and %,d more", 3_001, 2_996),
                "Every change: /srv/pipeline/reports/unit-changes-run-7.csv");
        assertThat(String.join("\n", units.lines())).doesNotContain("X0005");
        JsonNode json = Json.MAPPER.valueToTree(units);
        assertThat(json.fieldNames()).toIterable().containsExactly("added", "renamed", "moved", "merged", "changed", "list", "level_warnings");
        assertThat(json.at("/added/count").asLong()).isEqualTo(3_001);
        assertThat(json.at("/added/first_codes")).extracting(JsonNode::asText).containsExactly("T01", "X0001", "X0002", "X0003", "X0004");
        assertThat(json.at("/list").asText()).isEqualTo("/srv/pipeline/reports/unit-changes-run-7.csv");
        assertThat(Json.write(units)).hasSizeLessThan(600);
    }

    @Test
    void countsAUnitRenamedAndMovedUnderBothAndEachKindOnItsLine() {
        UnitChanges units = UnitChanges.of(List.of(
                new UnitChanges.Changed("H01", List.of("MOVED", "RENAMED"), "DISTRICT", "don-vi-2015.xlsx"),
                new UnitChanges.Changed("H02", List.of("RENAMED"), "DISTRICT", "don-vi-2015.xlsx"),
                new UnitChanges.Changed("X0101", List.of("MERGED"), "BASE", "don-vi-2015.xlsx"),
                new UnitChanges.Changed("C0101", List.of("CHANGED"), "BRANCH", "don-vi-2015.xlsx")),
                level -> !KNOWN_LEVELS.contains(level), "unit-changes-run-2.csv");

        assertThat(units.lines()).containsExactly(
                "2 units renamed: H01, H02",
                "1 unit moved to another parent: H01",
                "1 unit merged into a successor: X0101",
                "1 unit changed (level, aliases or validity): C0101",
                "Every change: unit-changes-run-2.csv");
        assertThat(units.added().count()).isZero();
        assertThat(units.levelWarnings()).isEmpty();
    }

    @Test
    void warnsOnceForEachLevelNobodyListedWithItsUnitsAndFiles() {
        UnitChanges units = UnitChanges.of(List.of(
                added("T01", "PROVINCE"),
                added("BP01", "Đảng bộ bộ phận xyz"),
                added("BP02", "Đảng bộ bộ phận xyz"),
                added("H09", "Đảng bộ thành phố"),
                added("C01", null)),
                level -> !KNOWN_LEVELS.contains(level), "unit-changes-run-1.csv");

        assertThat(units.levelWarnings()).extracting(UnitChanges.LevelWarning::level, UnitChanges.LevelWarning::count,
                        UnitChanges.LevelWarning::firstCodes, UnitChanges.LevelWarning::files)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Đảng bộ bộ phận xyz", 2L, List.of("BP01", "BP02"), List.of("don-vi.xlsx")),
                        org.assertj.core.groups.Tuple.tuple("Đảng bộ thành phố", 1L, List.of("H09"), List.of("don-vi.xlsx")));
        assertThat(units.lines()).contains(
                "Warning: level 'Đảng bộ bộ phận xyz' (don-vi.xlsx) is not a level schemas/enumerations.json lists (unit_level): "
                        + "kept as typed for 2 units (BP01, BP02)");
    }
}
