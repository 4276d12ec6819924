package vn.inspection.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.metrics.Breakdown;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.schema.SchemaException;

/**
 * A report kept as data ({@code schemas/reports/*.json}): its title, which periods it compares, the unit (null for
 * every unit), when it is due, and its sections. Loading checks everything against the metric catalog and the record
 * schemas, so a spec that names a missing metric, field or code fails when it is read, naming the file, the section
 * and the chart.
 *
 * <pre>{@code
 * {"title": {"vi": "...", "en": "..."},
 *  "periods": {"latest_complete": "half-year", "compare_with": "same period last year"},   // or ["2013-H1", "2014-H1"]
 *  "unit": null, "due": "after each half-year",
 *  "sections": [
 *    {"title": {...}, "kpi_table": {"metrics": "all"}},
 *    {"title": {...}, "charts": [
 *      {"id": "kiem-tra", "type": "bars", "title": {...}, "metrics": ["inspection.orgs", ...]},
 *      {"id": "xu-huong", "type": "trend", "by": "quarter", "title": {...}, "metrics": [...]},
 *      {"id": "don-vi", "type": "top-units", "limit": 10, "title": {...}, "metrics": [...]},
 *      {"id": "hinh-thuc", "type": "breakdown", "title": {...}, "record_type": "discipline", "field": "form",
 *       "date": "decision_date", "filter": {"subject_type": ["MEMBER"]}}]}]}
 * }</pre>
 *
 * @param id       the file name without {@code .json}
 * @param title    the report's title, without the periods (they are added to it)
 * @param periods  the periods compared
 * @param unit     a unit code or name, or null for every unit
 * @param due      when the report is due, if it is scheduled
 * @param sections the numbered parts, in order
 */
public record ReportSpec(String id, Label title, PeriodChoice periods, String unit, Optional<Due> due, List<Section> sections) {
    /** Where report specs live inside the schemas folder. */
    public static final String FOLDER = "reports";
    /** The spec a report uses when none is named. */
    public static final String DEFAULT = "half-year";

    private static final Set<String> KEYS = Set.of("description", "title", "periods", "unit", "due", "sections");
    private static final Set<String> CHART_KEYS = Set.of("id", "type", "title", "metrics", "by", "limit", "record_type", "field", "date", "filter",
            "description");
    private static final int MAX_TOP = 30;

    public ReportSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(due, "due");
        sections = List.copyOf(sections);
    }

    /** This spec with other periods (the command line's {@code --periods} win over the spec's). */
    public ReportSpec withPeriods(PeriodChoice other) {
        return new ReportSpec(id, title, other, unit, due, sections);
    }

    /** This spec for another unit (code or name; null for every unit). */
    public ReportSpec withUnit(String other) {
        return new ReportSpec(id, title, periods, other, due, sections);
    }

    /** Every chart of every section, in order. */
    public List<ChartSpec> charts() {
        List<ChartSpec> charts = new ArrayList<>();
        for (Section section : sections) {
            if (section instanceof Section.Charts group) {
                charts.addAll(group.charts());
            }
        }
        return charts;
    }

    /**
     * Reads a spec file.
     *
     * @throws SchemaException naming the file and what is wrong in it
     */
    public static ReportSpec load(Path file, SchemaCatalog schemas, MetricCatalog metrics) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            throw new SchemaException(file + ": a report spec is a .json file (see schemas/reports/)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, name.substring(0, name.length() - ".json".length()), file.toString(), schemas, metrics);
        } catch (NoSuchFileException e) {
            throw new SchemaException("no report spec at " + file);
        } catch (IOException e) {
            throw new SchemaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a spec named {@code id} from {@code schemasDir/reports/} when a schemas folder is given, else from the
     * copy packaged on the classpath ({@code schemas/reports/}).
     */
    public static ReportSpec named(String id, Path schemasDir, SchemaCatalog schemas, MetricCatalog metrics) {
        if (schemasDir != null) {
            return load(schemasDir.resolve(FOLDER).resolve(id + ".json"), schemas, metrics);
        }
        String resource = "schemas/" + FOLDER + "/" + id + ".json";
        try (InputStream in = ReportSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaException("report spec missing from the classpath: " + resource);
            }
            return parse(in, id, resource, schemas, metrics);
        } catch (IOException e) {
            throw new SchemaException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The largest spec read: a real one is a few kilobytes. */
    static final long MAX_SPEC_BYTES = 256 * 1024;
    /** Objects and lists within each other: a spec needs four or five. */
    static final int MAX_NESTING = 32;
    /** Characters of a title or label: longer text cannot be laid out on a page (and would take minutes to try). */
    public static final int MAX_LABEL_CHARS = 300;

    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength((int) MAX_SPEC_BYTES).build()).build());

    private static final class SpecTooLarge extends IOException {
        SpecTooLarge() {
            super(null, null);
        }
    }

    /** " at line L, column C", or nothing when the parser does not know. */
    private static String at(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A value from the file quoted in a message: short and on one line, never the file's content at length. */
    static String quote(String value) {
        String line = value.replaceAll("\\p{Cntrl}", " ");
        return "'" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "'";
    }

    /**
     * Reads a spec from a stream.
     *
     * @param id     the spec's id (its file name without .json)
     * @param source where it came from, for messages
     * @throws SchemaException naming {@code source} and what is wrong
     */
    public static ReportSpec parse(InputStream in, String id, String source, SchemaCatalog schemas, MetricCatalog metrics) {
        JsonNode root;
        try {
            root = JSON.readTree(new java.io.BufferedInputStream(in) {
                private long read;

                @Override
                public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0 && (read += n) > MAX_SPEC_BYTES) {
                        throw new SpecTooLarge();
                    }
                    return n;
                }
            });
        } catch (SpecTooLarge e) {
            throw new SchemaException(source + ": a report spec is at most " + MAX_SPEC_BYTES / 1024 + " KiB; this one is larger");
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SchemaException(source + ": nested more than " + MAX_NESTING + " levels deep (a report spec needs a few)" + at(e));
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new SchemaException(source + ": not valid JSON" + at(e) + ": it ends before its last object or list is closed");
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the file's text; say where, not what
            throw new SchemaException(source + ": not valid JSON" + at(e) + ": an unexpected character or word (check quotes, commas and brackets there)");
        } catch (IOException e) {
            throw new SchemaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return new Reader(source, schemas, metrics).spec(id, root);
    }

    /** Reads the JSON tree, every message prefixed with the source and the place in it. */
    private record Reader(String source, SchemaCatalog schemas, MetricCatalog metrics) {

        ReportSpec spec(String id, JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail("", "a report spec is a JSON object with title, periods and sections");
            }
            unknownKeys(root, KEYS, "");
            Label title = label(root.get("title"), "title");
            PeriodChoice periods = periods(root.get("periods"));
            JsonNode unitNode = root.get("unit");
            String unit = unitNode == null || unitNode.isNull() ? null : text(unitNode, "unit");
            Optional<Due> due = Optional.empty();
            JsonNode dueNode = root.get("due");
            if (dueNode != null && !dueNode.isNull()) {
                try {
                    due = Optional.of(Due.parse(text(dueNode, "due")));
                } catch (IllegalArgumentException e) {
                    throw fail("due", e.getMessage());
                }
            }
            JsonNode sectionNodes = root.get("sections");
            if (sectionNodes == null || !sectionNodes.isArray() || sectionNodes.isEmpty()) {
                throw fail("sections", "a report needs a list of sections");
            }
            List<Section> sections = new ArrayList<>();
            Set<String> chartIds = new HashSet<>();
            int number = 0;
            for (JsonNode node : sectionNodes) {
                sections.add(section(node, ++number, chartIds));
            }
            return new ReportSpec(id, title, periods, unit, due, sections);
        }

        PeriodChoice periods(JsonNode node) {
            if (node == null || node.isNull()) {
                throw fail("periods", "give two periods, e.g. [\"2013-H1\", \"2014-H1\"], or a rule, e.g. "
                        + "{\"latest_complete\": \"half-year\", \"compare_with\": \"same period last year\"}");
            }
            try {
                if (node.isArray()) {
                    if (node.size() != 2) {
                        throw fail("periods", "give exactly two periods, A then B, e.g. [\"2013-H1\", \"2014-H1\"]");
                    }
                    return new PeriodChoice.Fixed(Period.parse(text(node.get(0), "periods")), Period.parse(text(node.get(1), "periods")));
                }
                if (node.isObject()) {
                    unknownKeys(node, Set.of("latest_complete", "compare_with"), "periods");
                    PeriodKind kind = PeriodChoice.Latest.kind(text(node.get("latest_complete"), "periods.latest_complete"));
                    JsonNode with = node.get("compare_with");
                    return new PeriodChoice.Latest(kind, with == null ? PeriodChoice.CompareWith.SAME_PERIOD_LAST_YEAR
                            : PeriodChoice.CompareWith.parse(text(with, "periods.compare_with")));
                }
            } catch (SchemaException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw fail("periods", e.getMessage());
            }
            throw fail("periods", "give a list of two periods or a rule object");
        }

        Section section(JsonNode node, int number, Set<String> chartIds) {
            String where = "section " + number;
            if (!node.isObject()) {
                throw fail(where, "a section is an object with a title and a kpi_table or charts");
            }
            unknownKeys(node, Set.of("title", "kpi_table", "charts", "description"), where);
            Label title = label(node.get("title"), where + " title");
            boolean table = node.has("kpi_table");
            boolean charts = node.has("charts");
            if (table == charts) {
                throw fail(where, "a section has either a kpi_table or charts");
            }
            if (table) {
                JsonNode spec = node.get("kpi_table");
                if (!spec.isObject()) {
                    throw fail(where, "kpi_table is an object: {\"metrics\": \"all\"} or {\"metrics\": [ids]}");
                }
                unknownKeys(spec, Set.of("metrics"), where + " kpi_table");
                return new Section.KpiTable(title, metricList(spec.get("metrics"), where + " kpi_table", true));
            }
            JsonNode chartNodes = node.get("charts");
            if (!chartNodes.isArray() || chartNodes.isEmpty()) {
                throw fail(where, "charts is a list of charts");
            }
            List<ChartSpec> list = new ArrayList<>();
            for (JsonNode chart : chartNodes) {
                list.add(chart(chart, where, chartIds));
            }
            return new Section.Charts(title, list);
        }

        ChartSpec chart(JsonNode node, String section, Set<String> chartIds) {
            if (!node.isObject()) {
                throw fail(section, "a chart is an object with id, type and title");
            }
            String id = node.path("id").asText("");
            String where = section + ", chart '" + id + "'";
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw fail(where, "a chart id is lower-case letters and digits joined by '-', e.g. kiem-tra (it names the chart's PNG file)");
            }
            if (!chartIds.add(id)) {
                throw fail(where, "the chart id is used twice");
            }
            unknownKeys(node, CHART_KEYS, where);
            Label title = label(node.get("title"), where + " title");
            String type = text(node.get("type"), where + " type");
            return switch (type) {
                case "bars" -> {
                    only(node, where, "metrics");
                    yield new ChartSpec.Bars(id, title, metricList(node.get("metrics"), where, false));
                }
                case "trend" -> {
                    only(node, where, "metrics", "by");
                    PeriodKind by = switch (text(node.get("by"), where + " by")) {
                        case "quarter" -> PeriodKind.QUARTER;
                        case "half-year" -> PeriodKind.HALF;
                        case "year" -> PeriodKind.YEAR;
                        default -> throw fail(where, "a trend is by quarter, half-year or year");
                    };
                    yield new ChartSpec.Trend(id, title, by, metricList(node.get("metrics"), where, false));
                }
                case "top-units" -> {
                    only(node, where, "metrics", "limit");
                    JsonNode limitNode = node.get("limit");
                    int limit = limitNode == null ? 10 : limitNode.asInt(-1);
                    if (limitNode != null && !limitNode.canConvertToInt() || limit < 1 || limit > MAX_TOP) {
                        throw fail(where, "limit is a whole number from 1 to " + MAX_TOP);
                    }
                    yield new ChartSpec.TopUnits(id, title, metricList(node.get("metrics"), where, false), limit);
                }
                case "breakdown" -> {
                    only(node, where, "record_type", "field", "date", "filter");
                    Map<String, List<String>> filter = new LinkedHashMap<>();
                    JsonNode filterNode = node.get("filter");
                    if (filterNode != null) {
                        if (!filterNode.isObject()) {
                            throw fail(where, "filter is an object of field → codes, e.g. {\"subject_type\": [\"MEMBER\"]}");
                        }
                        for (var entry : filterNode.properties()) {
                            List<String> codes = new ArrayList<>();
                            entry.getValue().forEach(code -> codes.add(code.asText()));
                            if (codes.isEmpty()) {
                                throw fail(where, "filter " + entry.getKey() + " lists no code");
                            }
                            filter.put(entry.getKey(), codes);
                        }
                    }
                    try {
                        yield new ChartSpec.Codes(id, title, Breakdown.of(schemas, text(node.get("record_type"), where + " record_type"),
                                text(node.get("field"), where + " field"), text(node.get("date"), where + " date"), filter));
                    } catch (SchemaException e) {
                        throw fail(where, e.getMessage());
                    }
                }
                default -> throw fail(where, "unknown chart type " + quote(type) + ": bars, trend, top-units or breakdown");
            };
        }

        /** Fails when the chart has a key its type does not use (a breakdown with metrics…). */
        void only(JsonNode chart, String where, String... allowed) {
            Set<String> keys = new HashSet<>(List.of("id", "type", "title", "description"));
            keys.addAll(List.of(allowed));
            for (var entry : chart.properties()) {
                if (!keys.contains(entry.getKey())) {
                    throw fail(where, quote(entry.getKey()) + " does not belong to a chart of type " + chart.path("type").asText());
                }
            }
        }

        List<Metric> metricList(JsonNode node, String where, boolean allowAll) {
            if (node != null && node.isTextual() && allowAll && node.asText().equals("all")) {
                return metrics.metrics();
            }
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw fail(where, "metrics is a list of metric ids" + (allowAll ? " or \"all\"" : ""));
            }
            List<Metric> list = new ArrayList<>();
            for (JsonNode idNode : node) {
                String metricId = idNode.asText();
                Metric metric = metrics.metric(metricId)
                        .orElseThrow(() -> fail(where, "unknown metric " + quote(metricId) + " (list them with: pipeline metrics)"));
                if (list.contains(metric)) {
                    throw fail(where, "metric " + quote(metricId) + " is listed twice");
                }
                list.add(metric);
            }
            return list;
        }

        Label label(JsonNode node, String where) {
            if (node == null || !node.isObject() || node.path("vi").asText("").isBlank() || node.path("en").asText("").isBlank()) {
                throw fail(where, "a title has a Vietnamese and an English text: {\"vi\": \"...\", \"en\": \"...\"}");
            }
            unknownKeys(node, Set.of("vi", "en"), where);
            for (String language : List.of("vi", "en")) {
                int length = node.get(language).asText().strip().length();
                if (length > MAX_LABEL_CHARS) {
                    throw fail(where, "a title is at most " + MAX_LABEL_CHARS + " characters; its " + language + " text has " + length);
                }
            }
            return new Label(node.get("vi").asText().strip(), node.get("en").asText().strip());
        }

        String text(JsonNode node, String where) {
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                throw fail(where, "a text is missing");
            }
            if (node.asText().strip().length() > MAX_LABEL_CHARS) {
                throw fail(where, "a text is at most " + MAX_LABEL_CHARS + " characters; this one has " + node.asText().strip().length());
            }
            return node.asText().strip();
        }

        void unknownKeys(JsonNode node, Set<String> allowed, String where) {
            for (var entry : node.properties()) {
                if (!allowed.contains(entry.getKey())) {
                    throw fail(where, "unknown key " + quote(entry.getKey()) + " (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        SchemaException fail(String where, String reason) {
            return new SchemaException(source + (where.isEmpty() ? "" : ", " + where) + ": " + reason);
        }
    }
}
