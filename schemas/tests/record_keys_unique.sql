-- No record is in the lake twice (the natural key hash is unique per record type).
SELECT 'inspection' AS record_type, record_key FROM inspection GROUP BY record_key HAVING count(*) > 1
UNION ALL SELECT 'supervision', record_key FROM supervision GROUP BY record_key HAVING count(*) > 1
UNION ALL SELECT 'discipline', record_key FROM discipline GROUP BY record_key HAVING count(*) > 1
UNION ALL SELECT 'complaint', record_key FROM complaint GROUP BY record_key HAVING count(*) > 1
