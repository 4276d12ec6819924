-- Every Parquet file of the lake is as the manifest committed it: it exists, with the same size and row count
-- (pipeline verify also compares SHA-256 checksums, and says which source file to re-ingest).
SELECT path, file_name, problem, detail FROM lake_problems
