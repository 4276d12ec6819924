package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.report.ReportSpec;
import vn.inspection.pipeline.schema.SchemaCatalog;

/**
 * The report specs the nightly job renders when due: those named in {@code pipeline.nightly.reports}, else every spec
 * in the schemas' {@code reports/} folder (the one given by {@code pipeline.schemas-dir}, else the one packaged in the
 * application) that says when it is due. Every spec is checked against the catalog as it is read: a wrong spec stops the
 * run before anything is rendered, naming the file and the mistake.
 */
final class ReportSpecs {
    /** A spec's id is a file name in the reports folder, never a path. */
    private static final java.util.regex.Pattern SPEC_ID = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

    private ReportSpecs() {
    }

    static List<ReportSpec> load(Path schemasDir, List<String> ids, SchemaCatalog schemas, MetricCatalog metrics) {
        List<ReportSpec> specs = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                if (!SPEC_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("pipeline.nightly.reports: '" + id + "' is not a report spec id: give the name of a file in "
                            + "schemas/reports/ without .json (letters, digits, '-', '_'), e.g. half-year");
                }
                specs.add(ReportSpec.named(id, schemasDir, schemas, metrics));
            }
            return specs;
        }
        if (schemasDir != null) {
            Path folder = schemasDir.resolve(ReportSpec.FOLDER);
            if (!Files.isDirectory(folder)) {
                return specs;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    specs.add(ReportSpec.load(file, schemas, metrics));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the report specs in " + folder + ": " + e.getMessage(), e);
            }
        } else {
            try {
                Resource[] resources = new PathMatchingResourcePatternResolver(ReportSpecs.class.getClassLoader())
                        .getResources("classpath*:schemas/" + ReportSpec.FOLDER + "/*.json");
                List<Resource> sorted = java.util.Arrays.stream(resources).filter(r -> r.getFilename() != null)
                        .sorted(java.util.Comparator.comparing(Resource::getFilename)).toList();
                for (Resource resource : sorted) {
                    String id = resource.getFilename().substring(0, resource.getFilename().length() - ".json".length());
                    try (InputStream in = resource.getInputStream()) {
                        specs.add(ReportSpec.parse(in, id, "schemas/" + ReportSpec.FOLDER + "/" + resource.getFilename(), schemas, metrics));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the packaged report specs: " + e.getMessage(), e);
            }
        }
        return specs.stream().filter(s -> s.due().isPresent()).toList();
    }
}
