package vn.inspection.pipeline.lake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The lake's manifest holds entries that cannot be read: no reader builds from it, since the records of a source
 * file whose entry is unreadable would silently be left out. The message names each file, what is wrong with it and
 * how to restore it, on one line (no Java class name, no parser jargon).
 */
public class ManifestDamagedException extends RuntimeException {
    private final List<LakeManifest.Damaged> damaged;

    public ManifestDamagedException(List<LakeManifest.Damaged> damaged) {
        super(message(damaged), null, false, false);
        this.damaged = List.copyOf(damaged);
    }

    public List<LakeManifest.Damaged> damaged() {
        return damaged;
    }

    private static String message(List<LakeManifest.Damaged> damaged) {
        return "the lake manifest is damaged, so the lake cannot be read whole: " + damaged.stream()
                .map(d -> d.file() + ": " + d.problem() + "; restore it with " + d.restore())
                .collect(Collectors.joining("; and "))
                + " (run 'pipeline verify' to check the rest of the lake)";
    }
}
