-- Every record names a unit of the units reference (the ingest rejects the others).
SELECT 'inspection' AS record_type, unit_code FROM inspection WHERE unit_code NOT IN (SELECT code FROM units)
UNION ALL SELECT 'supervision', unit_code FROM supervision WHERE unit_code NOT IN (SELECT code FROM units)
UNION ALL SELECT 'discipline', unit_code FROM discipline WHERE unit_code NOT IN (SELECT code FROM units)
UNION ALL SELECT 'complaint', unit_code FROM complaint WHERE unit_code NOT IN (SELECT code FROM units)
