-- Every record type's versions hold exactly the records the lake's manifest committed for each ingested file (the rows
-- of its Parquet parts as committed: its first reading, and the rows let in later): a part that lost or gained records
-- after it was committed shows here (pipeline verify names the part). Files committed before parts' rows were recorded
-- are left out.
WITH expected AS (
    SELECT record_type, checksum, sum(rows) AS n
    FROM lake_parts
    WHERE record_type IN ('inspection', 'supervision', 'discipline', 'complaint')
    GROUP BY ALL
    HAVING count(*) = count(rows)
), actual AS (
    SELECT 'inspection' AS record_type, _source_checksum AS checksum, count(*) AS n FROM inspection_versions GROUP BY ALL
    UNION ALL SELECT 'supervision', _source_checksum, count(*) FROM supervision_versions GROUP BY ALL
    UNION ALL SELECT 'discipline', _source_checksum, count(*) FROM discipline_versions GROUP BY ALL
    UNION ALL SELECT 'complaint', _source_checksum, count(*) FROM complaint_versions GROUP BY ALL
)
SELECT record_type, checksum, coalesce(e.n, 0) AS expected, coalesce(a.n, 0) AS actual
FROM expected e FULL OUTER JOIN actual a USING (record_type, checksum)
WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)
  AND checksum NOT IN (SELECT checksum FROM lake_parts GROUP BY checksum HAVING count(*) <> count(rows))
