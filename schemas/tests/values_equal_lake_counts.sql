-- The value of each root unit for each year equals a direct count of the lake's records (basis RECORDED,
-- all records under a root): the catalog's SQL and a plain count agree.
SELECT v.metric_id, v.period_id, v.value, direct.n
FROM metric_values v
JOIN metrics m ON m.id = v.metric_id
JOIN periods p ON p.period_id = v.period_id AND p.kind = 'YEAR'
JOIN units u ON u.code = v.unit_code AND u.parent_code IS NULL
JOIN (
    SELECT 'inspection' AS record_type, year(start_date) AS y, count(*) AS n FROM inspection GROUP BY ALL
    UNION ALL SELECT 'supervision', year(start_date), count(*) FROM supervision GROUP BY ALL
    UNION ALL SELECT 'discipline', year(decision_date), count(*) FROM discipline GROUP BY ALL
    UNION ALL SELECT 'complaint', year(received_date), count(*) FROM complaint GROUP BY ALL
) direct ON direct.record_type = m.record_type AND direct.y = year(p.period_from)
WHERE v.basis = 'RECORDED' AND m.filter = '{}' AND m.date_field IN ('start_date', 'decision_date', 'received_date')
  AND (SELECT count(*) FROM units WHERE parent_code IS NULL) = 1
  AND v.value <> direct.n
