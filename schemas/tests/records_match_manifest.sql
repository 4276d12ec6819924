-- Every record type's versions hold exactly the records the lake's manifest accepted or took as corrections from
-- each ingested file: a Parquet part that lost or gained records after it was committed shows here (pipeline verify
-- names the part).
WITH expected AS (
    SELECT record_type, checksum, sum(accepted + corrected) AS n
    FROM lake_sheets
    WHERE record_type IN ('inspection', 'supervision', 'discipline', 'complaint')
    GROUP BY ALL
), actual AS (
    SELECT 'inspection' AS record_type, _source_checksum AS checksum, count(*) AS n FROM inspection_versions GROUP BY ALL
    UNION ALL SELECT 'supervision', _source_checksum, count(*) FROM supervision_versions GROUP BY ALL
    UNION ALL SELECT 'discipline', _source_checksum, count(*) FROM discipline_versions GROUP BY ALL
    UNION ALL SELECT 'complaint', _source_checksum, count(*) FROM complaint_versions GROUP BY ALL
)
SELECT record_type, checksum, coalesce(e.n, 0) AS expected, coalesce(a.n, 0) AS actual
FROM expected e FULL OUTER JOIN actual a USING (record_type, checksum)
WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)
