package vn.inspection.pipeline.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.inspection.pipeline.schema.EnumValue;
import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.FieldType;
import vn.inspection.pipeline.schema.NaturalKeySpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.RuleSpec;
import vn.inspection.pipeline.text.VietnameseText;

/**
 * Turns one data row of a register into a record or a rejection, following the record schema: cleans
 * text to NFC, matches enumerations through their synonyms (a descriptive one keeps a value it does not
 * recognise as typed), parses dates and booleans, resolves the
 * unit, applies the contract's reject rules, pseudonymises party members and computes the natural key.
 * Rows that hold no record are told apart before, by {@link RowClassifier}. Safe to share between threads:
 * its only state is memos of pure functions of a cell (enumeration matches, parsed dates).
 */
public final class RecordNormaliser {
    /** Dates before this are rejected as mistyped. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1930, 1, 1);

    private final SheetLayout layout;
    private final RecordSchema schema;
    private final UnitDirectory units;
    private final Pseudonymiser pseudonymiser;
    private final LocalDate today;
    /** Per enum or boolean field: what a raw cell text matches (registers repeat a handful of values). */
    private final Map<String, Memo<Optional<EnumValue>>> enumMatches = new java.util.HashMap<>();
    /** Per date field: what a raw cell text parses to. */
    private final Map<String, Memo<DateValues.Parsed>> dates = new java.util.HashMap<>();

    public RecordNormaliser(SheetLayout layout, UnitDirectory units, Pseudonymiser pseudonymiser, LocalDate today) {
        this.layout = layout;
        this.schema = layout.schema();
        this.units = units;
        this.pseudonymiser = pseudonymiser;
        this.today = today;
        for (FieldSpec field : schema.fields()) {
            if (field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN) {
                enumMatches.put(field.name(), new Memo<>(field.enumeration()::match));
            } else if (field.type() == FieldType.DATE) {
                dates.put(field.name(), new Memo<>(DateValues::parse));
            }
        }
    }

    /**
     * Results of a pure function of a cell's cleaned text, kept for the texts a register repeats; bounded, so a
     * column of all-different values costs a lookup and nothing more. Safe to share between threads.
     */
    static final class Memo<T> {
        private static final int LIMIT = 8192;
        private final java.util.function.Function<String, T> function;
        private final java.util.concurrent.ConcurrentHashMap<String, T> results = new java.util.concurrent.ConcurrentHashMap<>();

        Memo(java.util.function.Function<String, T> function) {
            this.function = function;
        }

        T apply(String text) {
            T known = results.get(text);
            if (known != null) {
                return known;
            }
            T result = function.apply(text);
            if (results.size() < LIMIT) {
                results.put(text, result);
            }
            return result;
        }
    }

    /** The record or rejection a data row gives ({@link RowOutcome.Accepted} or {@link RowOutcome.Rejected}). */
    public RowOutcome normalise(List<String> row) {
        return normalise(row, Map.of());
    }

    /**
     * The record or rejection a data row gives, reading a field the sheet has no column for from
     * {@code inherited}: what the group rows above it set ({@link GroupRows#inherited()}).
     */
    public RowOutcome normalise(List<String> row, Map<String, String> inherited) {
        Map<String, String> raw = new LinkedHashMap<>();
        layout.columns().forEach((column, field) -> raw.put(field.name(), column < row.size() ? row.get(column) : null));
        inherited.forEach(raw::putIfAbsent);

        Map<String, Object> values = new LinkedHashMap<>();
        List<RowOutcome.Problem> problems = new ArrayList<>();
        List<RowOutcome.Problem> missingUnits = new ArrayList<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        Map<String, String> implied = new LinkedHashMap<>();
        for (FieldSpec field : schema.fields()) {
            String text = VietnameseText.clean(raw.get(field.name()));
            if (text.isEmpty()) {
                if (field.required()) {
                    problems.add(new RowOutcome.Problem(field.name(), layout.maps(field.name())
                            ? "required value missing (column '" + field.header() + "')"
                            : "required column missing (expected a header '" + String.join("' or '", field.headerNames()) + "'"
                            + (field.type() == FieldType.UNIT || field.type() == FieldType.ENUM ? ", or a group row above the records naming it" : "") + ")"));
                } else if (field.type() == FieldType.BOOLEAN) {
                    values.put(field.name(), Boolean.valueOf(field.enumeration().blankCode().orElse("false")));
                }
                continue;
            }
            switch (field.type()) {
                case STRING -> values.put(field.name(), text);
                case LIST -> values.put(field.name(), joinList(text, field.separator()));
                case DATE -> date(field, text, values, problems);
                case BOOLEAN, ENUM -> {
                    Optional<EnumValue> match = enumMatches.get(field.name()).apply(text);
                    if (match.isEmpty() && field.keepsUnrecognised()) {
                        values.put(field.name(), text); // descriptive (a unit's level): kept as typed, the ingest summary warns
                    } else if (match.isEmpty()) {
                        problems.add(new RowOutcome.Problem(field.name(), "'" + text + "' is not a recognised value (expected one of "
                                + String.join(", ", field.enumeration().labels().values().stream().map(l -> l.vi()).toList()) + ")"));
                    } else {
                        String code = match.get().code();
                        values.put(field.name(), field.type() == FieldType.BOOLEAN ? Boolean.valueOf(code) : code);
                        implied.putAll(match.get().sets());
                    }
                }
                case UNIT -> {
                    UnitDirectory.Resolution resolution = units.resolve(text);
                    if (resolution.ok()) {
                        values.put(field.name(), resolution.code());
                    } else if (resolution.missing()) {
                        missingUnits.add(new RowOutcome.Problem(field.name(), resolution.error()));
                        unresolved.put(field.name(), text);
                    } else {
                        problems.add(new RowOutcome.Problem(field.name(), resolution.error()));
                    }
                }
            }
        }
        implied.forEach((name, value) -> {
            if (schema.hasField(name)) {
                FieldSpec field = schema.field(name);
                values.put(name, field.type() == FieldType.BOOLEAN ? Boolean.valueOf(value) : value);
            }
        });
        applyRules(values, problems);
        if (!problems.isEmpty() || (!missingUnits.isEmpty() && schema.isUnits())) {
            List<RowOutcome.Problem> all = new ArrayList<>(problems);
            all.addAll(missingUnits);
            return new RowOutcome.Rejected(all);
        }
        if (!missingUnits.isEmpty()) {
            // valid but for a unit the reference lacks: it waits for a units reference that names it
            pseudonymise(values);
            LocalDate periodDate = schema.periodDate().map(p -> (LocalDate) values.get(p)).orElse(null);
            return new RowOutcome.Parked(values, unresolved, periodDate, missingUnits);
        }
        pseudonymise(values);
        LocalDate periodDate = schema.periodDate().map(p -> (LocalDate) values.get(p)).orElse(null);
        return new RowOutcome.Accepted(values, periodDate, naturalKey(schema, values));
    }

    private void date(FieldSpec field, String text, Map<String, Object> values, List<RowOutcome.Problem> problems) {
        DateValues.Parsed parsed = dates.get(field.name()).apply(text);
        if (!parsed.ok()) {
            problems.add(new RowOutcome.Problem(field.name(), parsed.error()));
        } else if (parsed.date().isAfter(today)) {
            problems.add(new RowOutcome.Problem(field.name(), "date " + parsed.date() + " is in the future"));
        } else if (parsed.date().isBefore(EARLIEST_DATE)) {
            problems.add(new RowOutcome.Problem(field.name(), "date " + parsed.date() + " is before " + EARLIEST_DATE));
        } else {
            values.put(field.name(), parsed.date());
        }
    }

    private static String joinList(String text, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(java.util.regex.Pattern.quote(separator))) {
            String clean = VietnameseText.clean(part);
            if (!clean.isEmpty()) {
                parts.add(clean);
            }
        }
        return String.join("; ", parts);
    }

    private void applyRules(Map<String, Object> values, List<RowOutcome.Problem> problems) {
        for (RuleSpec rule : schema.rules()) {
            Object value = values.get(rule.field());
            if (value == null) {
                continue;
            }
            if (RuleSpec.NOT_BEFORE.equals(rule.rule())) {
                Object other = values.get(rule.other());
                if (other instanceof LocalDate start && value instanceof LocalDate end && end.isBefore(start)) {
                    problems.add(new RowOutcome.Problem(rule.field(), rule.field() + " " + end + " is before " + rule.other() + " " + start));
                }
            } else if (RuleSpec.NOT_ALLOWED.equals(rule.rule())) {
                boolean applies = rule.when().entrySet().stream().allMatch(w -> w.getValue().equals(String.valueOf(values.get(w.getKey()))));
                if (applies && rule.values().contains(String.valueOf(value))) {
                    problems.add(new RowOutcome.Problem(rule.field(), rule.reason() != null ? rule.reason()
                            : value + " is not allowed when " + rule.when()));
                }
            }
        }
    }

    private void pseudonymise(Map<String, Object> values) {
        for (FieldSpec field : schema.fields()) {
            if (field.pseudonymiseUnless().isEmpty() || !(values.get(field.name()) instanceof String text)) {
                continue;
            }
            boolean personal = !field.pseudonymiseUnless().entrySet().stream()
                    .allMatch(w -> w.getValue().equals(String.valueOf(values.get(w.getKey()))));
            if (personal) {
                values.put(field.name(), pseudonymiser.pseudonym(text));
            }
        }
    }

    /**
     * The row's cells with the personal data pseudonymised, for a rejected row shown to a clerk when rejects are
     * redacted: a field with {@code pseudonymise_unless} (a subject) is replaced by the member's pseudonym unless the
     * row recognisably holds the exempting codes (its subject type is recognisably ORG). A rejected row may lack the
     * subject type or hold an unknown one: then the subject is treated as a member's name.
     */
    public List<String> redact(List<String> row) {
        List<String> cells = new ArrayList<>(row);
        layout.columns().forEach((column, field) -> {
            if (field.pseudonymiseUnless().isEmpty() || column >= cells.size()) {
                return;
            }
            String text = VietnameseText.clean(cells.get(column));
            if (text.isEmpty()) {
                return;
            }
            boolean exempt = field.pseudonymiseUnless().entrySet().stream().allMatch(w -> rawCode(row, w.getKey()).map(w.getValue()::equals).orElse(false));
            if (!exempt) {
                cells.set(column, pseudonymiser.pseudonym(text));
            }
        });
        return cells;
    }

    /** The enumeration code a row's raw cell of a field matches, if the layout maps the field and the value is recognised. */
    private Optional<String> rawCode(List<String> row, String fieldName) {
        for (Map.Entry<Integer, FieldSpec> column : layout.columns().entrySet()) {
            FieldSpec field = column.getValue();
            if (field.name().equals(fieldName) && field.enumeration() != null && column.getKey() < row.size()) {
                return field.enumeration().match(VietnameseText.clean(row.get(column.getKey()))).map(EnumValue::code);
            }
        }
        return Optional.empty();
    }

    /**
     * SHA-256 (first 128 bits, hex) of the record type and the first natural-key alternative that applies,
     * over a record's typed values (a unit field holds its code, a member's name its pseudonym): the same
     * function the ingest and {@code rekey} use.
     */
    /**
     * A parked row's record once its units resolve: the unit fields' codes put into its values, its natural key
     * computed; empty while one of its units is still missing (or names several).
     */
    public static Optional<RowOutcome.Accepted> adopt(RecordSchema schema, RowOutcome.Parked parked, UnitDirectory units) {
        Map<String, Object> values = new LinkedHashMap<>(parked.values());
        for (Map.Entry<String, String> unit : parked.units().entrySet()) {
            UnitDirectory.Resolution resolution = units.resolve(unit.getValue());
            if (!resolution.ok()) {
                return Optional.empty();
            }
            values.put(unit.getKey(), resolution.code());
        }
        return Optional.of(new RowOutcome.Accepted(values, parked.periodDate(), naturalKey(schema, values)));
    }

    public static String naturalKey(RecordSchema schema, Map<String, Object> values) {
        NaturalKeySpec key = schema.naturalKey().stream()
                .filter(k -> k.whenPresent() == null || values.get(k.whenPresent()) != null)
                .findFirst()
                .orElse(schema.naturalKey().get(schema.naturalKey().size() - 1));
        StringBuilder text = new StringBuilder(schema.recordType());
        for (String part : key.fields()) {
            Object value = values.get(NaturalKeySpec.field(part));
            if (NaturalKeySpec.isYear(part) && value instanceof LocalDate date) {
                value = date.getYear();
            }
            text.append('\u001F').append(part).append('=');
            if (value != null) {
                text.append(value instanceof String s ? VietnameseText.identityKey(s) : value.toString());
            }
        }
        byte[] digest = SHA256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** One digest per thread ({@code digest} resets it): looking the algorithm up per record costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
