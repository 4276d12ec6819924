-- The records of one type counted by the code a field holds, for every period of a `periods` relation,
-- for one unit (with the units below it) or for all records. A blank field counts under ''. Rows only
-- where the count is not 0. Runs unchanged on DuckDB and Spark SQL.
--   {{record_type}}  {{field}}  {{date_field}}  {{filter}}  {{unit_join}}
SELECT coalesce(CAST(r.breakdown_code AS STRING), '') AS code, p.period_id AS period_id, count(*) AS value
FROM periods p
JOIN (
    SELECT r.{{field}} AS breakdown_code, r.{{date_field}} AS metric_date
    FROM {{record_type}} r
    {{unit_join}}
    WHERE {{filter}}
) r ON r.metric_date BETWEEN p.period_from AND p.period_to
GROUP BY coalesce(CAST(r.breakdown_code AS STRING), ''), p.period_id
