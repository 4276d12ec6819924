-- One metric for every period of a `periods` relation and every unit, rolled up the unit hierarchy:
-- a unit's value counts the records of the unit and of every unit below it. Rows only where the
-- value is not 0. Runs unchanged on DuckDB and Spark SQL.
--   {{metric_id}}  {{record_type}}  {{date_field}}  {{filter}}  {{unit_ref}} (the unit a record is counted under)
SELECT '{{metric_id}}' AS metric_id, p.period_id AS period_id, c.ancestor_code AS unit_code, count(*) AS value
FROM {{record_type}} r
JOIN unit_current m ON m.unit_code = r.unit_code
JOIN unit_closure c ON c.unit_code = {{unit_ref}}
JOIN periods p ON r.{{date_field}} BETWEEN p.period_from AND p.period_to
WHERE {{filter}}
GROUP BY p.period_id, c.ancestor_code
