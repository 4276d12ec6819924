package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.inspection.pipeline.ingest.FileResult;
import vn.inspection.pipeline.ingest.IngestSummary;

/**
 * {@code --move-processed}: moves the inbox files whose content is in the lake (ingested, or already there) to
 * {@code <home>/processed/<date>/}, keeping their paths below the inbox, so the inbox holds only what still needs a
 * person: files quarantined or not recognised stay. Never deletes or overwrites a file: a name taken gets
 * {@code " (2)"}. A file already gone (moved by an earlier attempt of the run) is skipped. A register holds members'
 * names: {@code processed/} is rwx------ and each file moved in rw-------.
 */
final class ProcessedFiles {
    private final Path inbox;
    private final Path processed;

    ProcessedFiles(Path inbox, Path processed) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.processed = processed;
    }

    /** Moves the files and returns where each went (from → to). */
    List<String[]> move(IngestSummary summary, LocalDate day) throws IOException {
        List<String[]> moved = new ArrayList<>();
        Path folder = processed.resolve(day.toString());
        for (IngestSummary.FileSummary file : summary.files()) {
            if (file.status() != FileResult.Status.INGESTED && file.status() != FileResult.Status.ALREADY_INGESTED) {
                continue;
            }
            Path source = Path.of(file.path()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(source) || !source.startsWith(inbox)) {
                continue;
            }
            Path target = free(folder.resolve(inbox.relativize(source)));
            // registers hold members' names: processed/ and what it holds are the owner's alone
            vn.inspection.pipeline.system.HomeFiles.folder(processed, vn.inspection.pipeline.system.HomeFiles.OWNER_ONLY_FOLDER);
            Files.createDirectories(target.getParent());
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                Files.delete(source);
            }
            vn.inspection.pipeline.system.HomeFiles.setMode(target, vn.inspection.pipeline.system.HomeFiles.OWNER_ONLY);
            moved.add(new String[] {source.toString(), target.toString()});
        }
        return moved;
    }

    private static Path free(Path target) {
        if (!Files.exists(target)) {
            return target;
        }
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            Path candidate = target.resolveSibling(stem + " (" + n + ")" + extension);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}
