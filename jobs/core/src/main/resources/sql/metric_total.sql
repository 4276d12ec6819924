-- One metric for every period of a `periods` relation, for one unit (with the units below it) or for
-- all records; a period with no record gives 0. Runs unchanged on DuckDB and Spark SQL.
--   {{metric_id}}  {{record_type}}  {{date_field}}  {{filter}}  {{unit_join}}
SELECT '{{metric_id}}' AS metric_id, p.period_id AS period_id, count(r.metric_date) AS value
FROM periods p
LEFT JOIN (
    SELECT r.{{date_field}} AS metric_date
    FROM {{record_type}} r
    {{unit_join}}
    WHERE {{filter}}
) r ON r.metric_date BETWEEN p.period_from AND p.period_to
GROUP BY p.period_id
