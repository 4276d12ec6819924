package vn.inspection.pipeline.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import vn.inspection.pipeline.lake.LakeSnapshot;

/**
 * How fresh a report's figures are: the source files ingested into the lake, the records they gave, and when the
 * last one was ingested. Printed under the title, so a manager knows what the figures include.
 */
public record Freshness(int files, long records, Optional<Instant> lastIngest) {
    public Freshness {
        Objects.requireNonNull(lastIngest, "lastIngest");
        if (files < 0 || records < 0) {
            throw new IllegalArgumentException("files and records cannot be negative");
        }
    }

    /** What one reading of the lake's manifest tells. */
    public static Freshness of(LakeSnapshot snapshot) {
        return new Freshness(snapshot.entries().size(), snapshot.records(), snapshot.lastIngest());
    }
}
