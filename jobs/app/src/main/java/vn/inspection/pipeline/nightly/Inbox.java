package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import vn.inspection.pipeline.ingest.IngestPlanner;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * What the inbox holds for a night: the spreadsheets the ingest would read (the planner's rules: hidden files, notes and
 * the home's own folders left out) and how many of them the lake does not hold yet, by content. A night whose inbox
 * holds nothing new does not start an ingest run at all; a file quarantined or not recognised is never in the lake, so
 * it is read (and reported) again every night until someone deals with it; so is a file the planner does not read (a symbolic
 * link, a name not valid in the file system's encoding, a file that cannot be read), which is never opened here either.
 *
 * @param found the spreadsheets in the inbox
 * @param fresh those whose content the lake does not hold
 */
record Inbox(int found, int fresh) {

    static Inbox scan(Path folder, PipelineHome home, Lake lake) throws IOException {
        List<Path> files = IngestPlanner.expand(List.of(folder), home.root());
        int fresh = 0;
        for (Path file : files) {
            if (IngestPlanner.notRead(file) != null) {
                // a link, an odd name, a file that cannot be read: never hashed (a link is not followed), reported every night
                fresh++;
                continue;
            }
            // as the planner decides: an entry without a register (an unrecognised file some version committed) does not hold it
            boolean held = lake.manifestEntry(Lake.sha256(file)).filter(e -> e.sheets().stream().anyMatch(s -> s.recordType() != null)).isPresent();
            if (!held) {
                fresh++;
            }
        }
        return new Inbox(files.size(), fresh);
    }
}
