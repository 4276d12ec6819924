-- Every version of one record type's records, with the instant each stopped being current: when a later
-- version of the same record became known (ended_by 'corrected'), or when a withdrawal took the record out
-- of the figures (ended_by 'withdrawn'), whichever came first; valid_to NULL is the current version.
-- Runs unchanged on DuckDB and Spark SQL.
--   {{record_type}}  {{rows}} (the record type's rows, each with valid_from)  {{columns}} (b.<column>, …)
-- and a relation withdrawals(record_type, record_key, withdrawn_at, reason): only 'resent' and 'withdrawn' end a version.
WITH base AS (
    SELECT v.*, lead(v.valid_from) OVER (PARTITION BY v.record_key ORDER BY v.valid_from) AS next_from
    FROM {{rows}} v
), ended AS (
    SELECT b.record_key, b.valid_from, min(w.withdrawn_at) AS withdrawn_at
    FROM base b
    JOIN withdrawals w ON w.record_type = '{{record_type}}' AND w.record_key = b.record_key AND w.withdrawn_at > b.valid_from
        AND w.reason IN ('resent', 'withdrawn')
    GROUP BY b.record_key, b.valid_from
)
SELECT {{columns}}, b.valid_from,
    CASE WHEN e.withdrawn_at IS NOT NULL AND (b.next_from IS NULL OR e.withdrawn_at < b.next_from) THEN e.withdrawn_at
         ELSE b.next_from END AS valid_to,
    CASE WHEN e.withdrawn_at IS NOT NULL AND (b.next_from IS NULL OR e.withdrawn_at < b.next_from) THEN 'withdrawn'
         WHEN b.next_from IS NOT NULL THEN 'corrected' END AS ended_by
FROM base b
LEFT JOIN ended e ON e.record_key = b.record_key AND e.valid_from = b.valid_from
