-- The warehouse's own tables (the record tables are made from the schema files and the lake manifest).
CREATE TABLE units (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    parent_code VARCHAR,
    level VARCHAR,
    aliases VARCHAR,
    valid_from DATE,
    valid_to DATE,
    successor_code VARCHAR,
    current_code VARCHAR NOT NULL,
    depth INTEGER NOT NULL,
    path VARCHAR NOT NULL
);
CREATE TABLE unit_history (
    code VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    parent_code VARCHAR,
    level VARCHAR,
    aliases VARCHAR,
    successor_code VARCHAR,
    valid_from DATE,
    valid_to DATE,
    changes VARCHAR NOT NULL,
    source_file VARCHAR,
    ingested_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (code, version)
);
CREATE TABLE unit_closure (
    ancestor_code VARCHAR NOT NULL,
    unit_code VARCHAR NOT NULL,
    distance INTEGER NOT NULL
);
CREATE TABLE unit_current (
    unit_code VARCHAR NOT NULL,
    current_code VARCHAR NOT NULL
);
CREATE TABLE metrics (
    id VARCHAR PRIMARY KEY,
    label_vi VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL,
    record_type VARCHAR NOT NULL,
    filter VARCHAR NOT NULL,
    date_field VARCHAR NOT NULL,
    counts VARCHAR NOT NULL
);
CREATE TABLE periods (
    period_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    label_vi VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL
);
CREATE TABLE metric_values (
    metric_id VARCHAR NOT NULL,
    period_id VARCHAR NOT NULL,
    unit_code VARCHAR NOT NULL,
    basis VARCHAR NOT NULL,
    value BIGINT NOT NULL
);
CREATE TABLE lake_files (
    checksum VARCHAR PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    source_path VARCHAR,
    ingested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    corrected BIGINT NOT NULL,
    parked BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE
);
CREATE TABLE lake_sheets (
    checksum VARCHAR NOT NULL,
    sheet VARCHAR NOT NULL,
    record_type VARCHAR,
    accepted BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    corrected BIGINT NOT NULL,
    outdated BIGINT NOT NULL,
    parked BIGINT NOT NULL
);
CREATE TABLE withdrawals (
    withdrawn_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason VARCHAR NOT NULL,
    record_type VARCHAR NOT NULL,
    record_key VARCHAR NOT NULL,
    source_checksum VARCHAR,
    record_date DATE,
    by_file VARCHAR,
    file VARCHAR
);
CREATE TABLE lake_parts (
    checksum VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    record_type VARCHAR NOT NULL,
    rows BIGINT,
    bytes BIGINT,
    sha256 VARCHAR,
    committed_at TIMESTAMP WITH TIME ZONE
);
CREATE TABLE lake_problems (
    path VARCHAR NOT NULL,
    checksum VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    problem VARCHAR NOT NULL,
    detail VARCHAR NOT NULL
);
CREATE TABLE data_tests (
    name VARCHAR PRIMARY KEY,
    description VARCHAR NOT NULL,
    failures BIGINT NOT NULL,
    passed BOOLEAN NOT NULL
);
CREATE TABLE warehouse_build (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
