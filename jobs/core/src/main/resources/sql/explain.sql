-- The records one metric counts in the periods of a `periods` relation (one period), for one unit (with the
-- units below it) or for all records: one row a record, with its key, the unit recorded and the unit it is
-- counted under, the date that places it in the period, the fields the metric filters on, the subject (an
-- organization's name or a member's pseudonym, as the lake keeps it) and its lineage. The same joins and
-- filter as metric_total.sql, so the number of rows is the metric's value. Runs unchanged on DuckDB and Spark SQL.
--   {{record_type}}  {{date_field}}  {{filter}}  {{filter_columns}}  {{counted_under}}  {{unit_filter}}
SELECT r.record_key AS record_key, r.unit_code AS unit_code, {{counted_under}} AS counted_under,
       r.{{date_field}} AS metric_date, r.subject_type AS subject_type, r.subject AS subject{{filter_columns}},
       r._source_file AS source_file, r._sheet AS source_sheet, r._row AS source_row, p.period_id AS period_id
FROM {{record_type}} r
LEFT JOIN unit_current m ON m.unit_code = r.unit_code
{{unit_filter}}
JOIN periods p ON r.{{date_field}} BETWEEN p.period_from AND p.period_to
WHERE {{filter}}
ORDER BY metric_date, unit_code, source_file, source_sheet, source_row, record_key
