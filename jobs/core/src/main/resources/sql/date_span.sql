-- The first and the last date one date field of one record type holds (null for no records); the
-- engine unions one of these per (record type, date field) the catalog uses. Runs on DuckDB and Spark SQL.
--   {{record_type}}  {{date_field}}
SELECT min(r.{{date_field}}) AS first_date, max(r.{{date_field}}) AS last_date FROM {{record_type}} r
