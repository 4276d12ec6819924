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
 * @param document the party-document frame (issuing body, number, place, signer, recipients): the spec's
 *                 {@code "document"} object over {@link DocumentFrame#DEFAULT}
 * @param metricNotes the catalog's definitions and directions of the metrics
 */
public record ReportSpec(String id, Label title, PeriodChoice periods, String unit, Optional<Due> due, List<Section> sections, DocumentFrame document,
                         MetricNotes metricNotes) {
    /** Where report specs live inside the schemas folder. */
    public static final String FOLDER = "reports";
    /** The spec a report uses when none is named. */
    public static final String DEFAULT = "half-year";

    private static final Set<String> KEYS = Set.of("description", "title", "periods", "unit", "due", "sections", "document");
    private static final Set<String> CHART_KEYS = Set.of("id", "type", "title", "metrics", "by", "limit", "record_type", "field", "date", "filter",
            "description");
    private static final int MAX_TOP = 30;

    public ReportSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(metricNotes, "metricNotes");
        sections = List.copyOf(sections);
    }

    /** A spec with the default frame and no metric notes. */
    public ReportSpec(String id, Label title, PeriodChoice periods, String unit, Optional<Due> due, List<Section> sections) {
        this(id, title, periods, unit, due, sections, DocumentFrame.DEFAULT, MetricNotes.NONE);
    }

    /** This spec with the catalog's definitions and directions. */
    public ReportSpec withMetricNotes(MetricNotes other) {
        return new ReportSpec(id, title, periods, unit, due, sections, document, other);
    }

    /** This spec with other periods (the command line's {@code --periods} win over the spec's). */
    public ReportSpec withPeriods(PeriodChoice other) {
        return new ReportSpec(id, title, other, unit, due, sections, document, metricNotes);
    }

    /** This spec under another title (an updated edition's). */
    public ReportSpec withTitle(Label other) {
        return new ReportSpec(id, other, periods, unit, due, sections, document, metricNotes);
    }

    /** This spec for another unit (code or name; null for every unit). */
    public ReportSpec withUnit(String other) {
        return new ReportSpec(id, title, periods, other, due, sections, document, metricNotes);
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
            Path folder = file.toAbsolutePath().getParent() == null ? null : file.toAbsolutePath().getParent().getParent();
            return parse(in, name.substring(0, name.length() - ".json".length()), file.toString(), schemas, metrics)
                    .withMetricNotes(MetricNotes.of(folder));
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
            return parse(in, id, resource, schemas, metrics).withMetricNotes(MetricNotes.of(null));
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
    /** Characters of an assessment paragraph's template. */
    public static final int MAX_TEMPLATE_CHARS = 1500;

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
            long assessments = sections.stream().filter(s -> s instanceof Section.Assessment).count();
            if (assessments > 1) {
                throw fail("sections", "a report has one assessment section at the most");
            }
            JsonNode documentNode = root.get("document");
            DocumentFrame document = documentNode == null || documentNode.isNull() ? DocumentFrame.DEFAULT : document(documentNode);
            return new ReportSpec(id, title, periods, unit, due, sections, document, MetricNotes.NONE);
        }

        DocumentFrame document(JsonNode node) {
            String where = "document";
            if (!node.isObject()) {
                throw fail(where, "document is an object: issuing body, number, place, signer, recipients (see docs/bao-cao.md)");
            }
            unknownKeys(node, Set.of("nation", "parent", "body", "number", "symbol", "place", "type", "signer", "recipients"), where);
            DocumentFrame d = DocumentFrame.DEFAULT;
            Label parent = node.has("parent") && !node.get("parent").isNull() ? words(node.get("parent"), where + " parent") : d.parent();
            Label signerFor = d.signerFor();
            Label signerTitle = d.signerTitle();
            String signerName = d.signerName();
            JsonNode signer = node.get("signer");
            if (signer != null && !signer.isNull()) {
                if (!signer.isObject()) {
                    throw fail(where + " signer", "signer is an object: {\"for\": \"T/M ỦY BAN KIỂM TRA\", \"title\": \"CHỦ NHIỆM\", \"name\": \"\"}");
                }
                unknownKeys(signer, Set.of("for", "title", "name"), where + " signer");
                signerFor = signer.has("for") ? words(signer.get("for"), where + " signer for", true) : signerFor;
                signerTitle = signer.has("title") ? words(signer.get("title"), where + " signer title") : signerTitle;
                signerName = signer.has("name") ? plain(signer.get("name"), where + " signer name") : signerName;
            }
            List<Label> recipients = d.recipients();
            JsonNode list = node.get("recipients");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw fail(where + " recipients", "recipients is a list of texts, the last usually \"Lưu UBKT\"");
                }
                recipients = new ArrayList<>();
                for (JsonNode r : list) {
                    recipients.add(words(r, where + " recipients"));
                }
            }
            String symbol = node.has("symbol") ? plain(node.get("symbol"), where + " symbol") : d.symbol();
            if (symbol.isBlank()) {
                throw fail(where + " symbol", "the symbol after the number is not empty, e.g. BC/UBKT");
            }
            return new DocumentFrame(node.has("nation") ? words(node.get("nation"), where + " nation") : d.nation(), parent,
                    node.has("body") ? words(node.get("body"), where + " body") : d.body(),
                    node.has("number") ? plain(node.get("number"), where + " number") : d.number(), symbol,
                    node.has("place") ? words(node.get("place"), where + " place") : d.place(),
                    node.has("type") ? words(node.get("type"), where + " type") : d.type(), signerFor, signerTitle, signerName, recipients);
        }

        /** A text the same in both languages ("Hà Nội"), or {"vi": …, "en": …}. */
        Label words(JsonNode node, String where) {
            return words(node, where, false);
        }

        Label words(JsonNode node, String where, boolean mayBeEmpty) {
            if (node != null && node.isTextual()) {
                String text = node.asText().strip();
                if (text.isEmpty() && !mayBeEmpty || text.length() > MAX_LABEL_CHARS) {
                    throw fail(where, "a text of 1 to " + MAX_LABEL_CHARS + " characters");
                }
                return new Label(text, text);
            }
            return label(node, where);
        }

        /** A plain text, maybe empty (a number left to the clerk). */
        String plain(JsonNode node, String where) {
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isTextual() && !node.isNumber()) {
                throw fail(where, "a text, e.g. \"15\"");
            }
            String text = node.asText().strip();
            if (text.length() > MAX_LABEL_CHARS) {
                throw fail(where, "a text is at most " + MAX_LABEL_CHARS + " characters");
            }
            return text;
        }

        Section.Assessment assessment(Label title, JsonNode node, String where) {
            if (!node.isObject()) {
                throw fail(where, "assessment is an object: {\"paragraphs\": [{\"text\": {\"vi\": …, \"en\": …}}], \"change\": {…}}");
            }
            unknownKeys(node, Set.of("paragraphs", "change"), where + " assessment");
            JsonNode list = node.get("paragraphs");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw fail(where, "assessment.paragraphs is a list of paragraphs");
            }
            List<Assessment.Paragraph> paragraphs = new ArrayList<>();
            int n = 0;
            for (JsonNode p : list) {
                String at = where + " paragraph " + ++n;
                if (!p.isObject()) {
                    throw fail(at, "a paragraph is an object with a text (and an otherwise or a zero text)");
                }
                unknownKeys(p, Set.of("text", "otherwise", "zero"), at);
                Label text = template(p.get("text"), at + " text", false);
                Label otherwise = p.has("otherwise") ? template(p.get("otherwise"), at + " otherwise", false) : null;
                Label zero = p.has("zero") ? template(p.get("zero"), at + " zero", false) : null;
                paragraphs.add(new Assessment.Paragraph(text, otherwise, zero));
            }
            Assessment.Change change = Assessment.Change.DEFAULT;
            JsonNode c = node.get("change");
            if (c != null && !c.isNull()) {
                if (!c.isObject()) {
                    throw fail(where, "assessment.change is an object of up, down, same, no_base, rise phrases");
                }
                unknownKeys(c, Set.of("up", "down", "same", "no_base", "rise"), where + " change");
                Assessment.Change d = change;
                change = new Assessment.Change(c.has("up") ? template(c.get("up"), where + " change up", true) : d.up(),
                        c.has("down") ? template(c.get("down"), where + " change down", true) : d.down(),
                        c.has("same") ? template(c.get("same"), where + " change same", true) : d.same(),
                        c.has("no_base") ? template(c.get("no_base"), where + " change no_base", true) : d.noBase(),
                        c.has("rise") ? template(c.get("rise"), where + " change rise", true) : d.rise());
            }
            return new Section.Assessment(title, paragraphs, change);
        }

        Label template(JsonNode node, String where, boolean change) {
            Label label = label(node, where, MAX_TEMPLATE_CHARS);
            for (String text : List.of(label.vi(), label.en())) {
                String problem = Assessment.check(text, metrics, change);
                if (problem != null) {
                    throw fail(where, problem);
                }
            }
            return label;
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
            unknownKeys(node, Set.of("title", "kpi_table", "charts", "assessment", "description"), where);
            Label title = label(node.get("title"), where + " title");
            boolean table = node.has("kpi_table");
            boolean charts = node.has("charts");
            boolean assessment = node.has("assessment");
            if ((table ? 1 : 0) + (charts ? 1 : 0) + (assessment ? 1 : 0) != 1) {
                throw fail(where, "a section has one of assessment, kpi_table or charts");
            }
            if (assessment) {
                return assessment(title, node.get("assessment"), where);
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
            return label(node, where, MAX_LABEL_CHARS);
        }

        Label label(JsonNode node, String where, int max) {
            if (node == null || !node.isObject() || node.path("vi").asText("").isBlank() || node.path("en").asText("").isBlank()) {
                throw fail(where, "a title has a Vietnamese and an English text: {\"vi\": \"...\", \"en\": \"...\"}");
            }
            unknownKeys(node, Set.of("vi", "en"), where);
            for (String language : List.of("vi", "en")) {
                int length = node.get(language).asText().strip().length();
                if (length > max) {
                    throw fail(where, "a title is at most " + max + " characters; its " + language + " text has " + length);
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
