-- A unit's value equals its own records plus the values of its direct subordinates.
WITH own AS (
    SELECT v.metric_id, v.period_id, v.unit_code, v.basis,
           v.value - coalesce((SELECT sum(c.value) FROM metric_values c JOIN units u ON u.code = c.unit_code
                               WHERE u.parent_code = v.unit_code AND c.metric_id = v.metric_id
                                 AND c.period_id = v.period_id AND c.basis = v.basis), 0) AS own_value
    FROM metric_values v
)
SELECT * FROM own WHERE own_value < 0
