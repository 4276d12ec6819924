-- One metric for every period of a `periods` relation and each direct subordinate of one unit, rolled
-- up: a subordinate's value counts its records and those of every unit below it. Rows only where the
-- value is not 0. Runs unchanged on DuckDB and Spark SQL.
--   {{metric_id}}  {{record_type}}  {{date_field}}  {{filter}}  {{unit_ref}}  {{parent_code}} (a quoted literal)
SELECT '{{metric_id}}' AS metric_id, p.period_id AS period_id, k.unit_code AS unit_code, count(*) AS value
FROM {{record_type}} r
JOIN unit_current m ON m.unit_code = r.unit_code
JOIN unit_closure c ON c.unit_code = {{unit_ref}}
JOIN unit_closure k ON k.unit_code = c.ancestor_code AND k.ancestor_code = {{parent_code}} AND k.distance = 1
JOIN periods p ON r.{{date_field}} BETWEEN p.period_from AND p.period_to
WHERE {{filter}}
GROUP BY p.period_id, k.unit_code
