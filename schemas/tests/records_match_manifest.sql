-- Every record type's versions hold exactly the records the lake's manifest accepted or took as corrections from
-- each ingested file: a Parquet part that lost or gained records after it was committed shows here (pipeline verify
-- names the part).
-- A file ingested again after it was withdrawn keeps its earlier parts as history: its sheets count the last ingest,
-- and the parts committed before it (committed_at before the entry's updated_at) count as committed.
WITH expected AS (
    SELECT record_type, checksum, sum(n) AS n FROM (
        SELECT record_type, checksum, accepted + corrected AS n
        FROM lake_sheets
        WHERE record_type IN ('inspection', 'supervision', 'discipline', 'complaint')
        UNION ALL
        SELECT p.record_type, p.checksum, p.rows
        FROM lake_parts p JOIN lake_files f USING (checksum)
        WHERE f.updated_at IS NOT NULL AND p.committed_at < f.updated_at
    ) GROUP BY ALL
), actual AS (
    SELECT 'inspection' AS record_type, _source_checksum AS checksum, count(*) AS n FROM inspection_versions GROUP BY ALL
    UNION ALL SELECT 'supervision', _source_checksum, count(*) FROM supervision_versions GROUP BY ALL
    UNION ALL SELECT 'discipline', _source_checksum, count(*) FROM discipline_versions GROUP BY ALL
    UNION ALL SELECT 'complaint', _source_checksum, count(*) FROM complaint_versions GROUP BY ALL
)
SELECT record_type, checksum, coalesce(e.n, 0) AS expected, coalesce(a.n, 0) AS actual
FROM expected e FULL OUTER JOIN actual a USING (record_type, checksum)
WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)
