-- The 19 figures of `compare 2013-H1 2014-H1` for all units, written by hand over the lake's Parquet
-- files (no catalog, no warehouse): the anchor of the compare benchmark. Columns come in pairs
-- <metric>_a (2013-H1) and <metric>_b (2014-H1), the metric id with dots as underscores.
WITH i AS (SELECT subject_type, type, violation, start_date AS d FROM read_parquet('{{lake}}/inspection/**/*.parquet')),
     s AS (SELECT subject_type, mode, start_date AS d FROM read_parquet('{{lake}}/supervision/**/*.parquet')),
     k AS (SELECT subject_type, form, decision_date AS d FROM read_parquet('{{lake}}/discipline/**/*.parquet')),
     c AS (SELECT kind, anonymous, status, received_date AS d, resolved_date AS r FROM read_parquet('{{lake}}/complaint/**/*.parquet')),
     ia AS (SELECT
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS inspection_orgs_a,
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS inspection_orgs_b,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS inspection_members_a,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS inspection_members_b,
        count(*) FILTER (type = 'SIGNS_OF_VIOLATION' AND subject_type = 'ORG' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS inspection_signs_orgs_a,
        count(*) FILTER (type = 'SIGNS_OF_VIOLATION' AND subject_type = 'ORG' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS inspection_signs_orgs_b,
        count(*) FILTER (type = 'SIGNS_OF_VIOLATION' AND subject_type = 'MEMBER' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS inspection_signs_members_a,
        count(*) FILTER (type = 'SIGNS_OF_VIOLATION' AND subject_type = 'MEMBER' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS inspection_signs_members_b,
        count(*) FILTER (violation AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS inspection_violations_a,
        count(*) FILTER (violation AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS inspection_violations_b
        FROM i),
     sa AS (SELECT
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS supervision_orgs_a,
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS supervision_orgs_b,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS supervision_members_a,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS supervision_members_b,
        count(*) FILTER (mode = 'THEMATIC' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS supervision_thematic_a,
        count(*) FILTER (mode = 'THEMATIC' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS supervision_thematic_b
        FROM s),
     ka AS (SELECT
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_orgs_a,
        count(*) FILTER (subject_type = 'ORG' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_orgs_b,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_members_a,
        count(*) FILTER (subject_type = 'MEMBER' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_members_b,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'REPRIMAND' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_members_reprimand_a,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'REPRIMAND' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_members_reprimand_b,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'WARNING' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_members_warning_a,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'WARNING' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_members_warning_b,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'DISMISSAL' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_members_dismissal_a,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'DISMISSAL' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_members_dismissal_b,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'EXPULSION' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS discipline_members_expulsion_a,
        count(*) FILTER (subject_type = 'MEMBER' AND form = 'EXPULSION' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS discipline_members_expulsion_b
        FROM k),
     ca AS (SELECT
        count(*) FILTER (d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS complaint_received_a,
        count(*) FILTER (d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS complaint_received_b,
        count(*) FILTER (kind = 'DENUNCIATION' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS complaint_denunciations_a,
        count(*) FILTER (kind = 'DENUNCIATION' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS complaint_denunciations_b,
        count(*) FILTER (kind = 'APPEAL' AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS complaint_appeals_a,
        count(*) FILTER (kind = 'APPEAL' AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS complaint_appeals_b,
        count(*) FILTER (anonymous AND d BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS complaint_anonymous_a,
        count(*) FILTER (anonymous AND d BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS complaint_anonymous_b,
        count(*) FILTER (status = 'RESOLVED' AND r BETWEEN DATE '2013-01-01' AND DATE '2013-06-30') AS complaint_resolved_a,
        count(*) FILTER (status = 'RESOLVED' AND r BETWEEN DATE '2014-01-01' AND DATE '2014-06-30') AS complaint_resolved_b
        FROM c)
SELECT * FROM ia, sa, ka, ca
