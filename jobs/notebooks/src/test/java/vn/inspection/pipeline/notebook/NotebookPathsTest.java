package vn.inspection.pipeline.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookPathsTest {
    @TempDir
    Path repo;

    Path notebooks() throws IOException {
        return Files.createDirectories(repo.resolve("notebooks"));
    }

    Path warehouseIn(Path home) throws IOException {
        Path file = home.resolve("warehouse/warehouse.duckdb");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }

    @Test
    void takesTheWarehouseAndTheHomeTheRunnerSets() throws IOException {
        Path home = repo.resolve("target/notebooks/home");
        Path file = warehouseIn(home);

        NotebookPaths paths = NotebookPaths.resolve(Map.of("PIPELINE_WAREHOUSE", file.toString(), "PIPELINE_HOME", home.toString()), notebooks());

        assertThat(paths.warehouse()).isEqualTo(file);
        assertThat(paths.home()).isEqualTo(home);
    }

    @Test
    void findsTheWarehouseOfThePipelineHome() throws IOException {
        Path home = repo.resolve("elsewhere");
        Path file = warehouseIn(home);

        NotebookPaths paths = NotebookPaths.resolve(Map.of("PIPELINE_HOME", home.toString()), notebooks());

        assertThat(paths.warehouse()).isEqualTo(file);
        assertThat(paths.home()).isEqualTo(home);
    }

    @Test
    void opensTheRepositorysDefaultHomeFirstThenTheSampleHomeForAnAnalystOpeningANotebookByHand() throws IOException {
        Path sample = warehouseIn(repo.resolve("target/notebooks/home"));
        assertThat(NotebookPaths.resolve(Map.of(), notebooks()).warehouse()).isEqualTo(sample);

        Path own = warehouseIn(repo.resolve("var"));
        NotebookPaths paths = NotebookPaths.resolve(Map.of(), notebooks());
        assertThat(paths.warehouse()).isEqualTo(own);
        assertThat(paths.home()).isEqualTo(repo.resolve("var"));
    }

    @Test
    void saysWhereItLookedAndWhatToDoWhenThereIsNoWarehouse() throws IOException {
        Path dir = notebooks();

        assertThatThrownBy(() -> NotebookPaths.resolve(Map.of(), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no warehouse at " + repo.resolve("var/warehouse/warehouse.duckdb") + " nor "
                        + repo.resolve("target/notebooks/home/warehouse/warehouse.duckdb")
                        + ": run notebooks/run (it builds the sample warehouse), or set PIPELINE_WAREHOUSE to a warehouse file");
    }
}
