COMMENT ON TABLE units IS 'Cây đơn vị hiện nay (phiên bản mới nhất của mỗi đơn vị), có cấp bậc và sáp nhập / The current unit tree (each unit''s latest version), with hierarchy and mergers';
COMMENT ON COLUMN units.code IS 'Mã đơn vị / Unit code';
COMMENT ON COLUMN units.name IS 'Tên đơn vị / Unit name';
COMMENT ON COLUMN units.parent_code IS 'Mã đơn vị cấp trên / Parent unit code';
COMMENT ON COLUMN units.level IS 'Cấp: PROVINCE (tỉnh và tương đương), BLOC, DISTRICT (huyện và tương đương), UPPER_BASE, BASE (cơ sở), PARTIAL (đảng bộ bộ phận), BRANCH (chi bộ); chữ như đã gõ khi không nhận ra / Unit level code, or the text as typed when not recognised';
COMMENT ON COLUMN units.aliases IS 'Tên gọi khác, cách nhau bởi ; / Other names, separated by ;';
COMMENT ON COLUMN units.valid_from IS 'Hiệu lực từ / Valid from';
COMMENT ON COLUMN units.valid_to IS 'Hiệu lực đến (đơn vị đã sáp nhập, giải thể) / Valid to (merged or dissolved units)';
COMMENT ON COLUMN units.successor_code IS 'Mã đơn vị kế thừa sau sáp nhập / Successor unit after a merger';
COMMENT ON COLUMN units.current_code IS 'Đơn vị hiện nay mang số liệu của đơn vị này (theo chuỗi kế thừa) / Unit that carries this unit''s records today (successor chain followed)';
COMMENT ON COLUMN units.depth IS 'Độ sâu trong cây đơn vị, 0 là đơn vị gốc (tỉnh, huyện hoặc Đảng bộ Khối) / Depth in the hierarchy, 0 for the root (a province, a district or a bloc)';
COMMENT ON COLUMN units.path IS 'Đường dẫn mã từ gốc, cách nhau bởi / / Codes from the root, separated by /';

COMMENT ON TABLE unit_history IS 'Mọi phiên bản của mỗi đơn vị qua các lần gửi danh mục (đổi tên, chuyển cấp trên, sáp nhập) / Every version of every unit across the units references sent (renamed, moved, merged)';
COMMENT ON COLUMN unit_history.code IS 'Mã đơn vị / Unit code';
COMMENT ON COLUMN unit_history.version IS 'Số phiên bản, 1 là lần đầu / Version number, 1 for the first';
COMMENT ON COLUMN unit_history.name IS 'Tên đơn vị trong phiên bản này / Unit name in this version';
COMMENT ON COLUMN unit_history.parent_code IS 'Mã đơn vị cấp trên trong phiên bản này / Parent unit in this version';
COMMENT ON COLUMN unit_history.level IS 'Cấp đơn vị (mã, hoặc chữ như đã gõ khi không nhận ra) / Unit level (code, or the text as typed)';
COMMENT ON COLUMN unit_history.aliases IS 'Tên gọi khác / Other names';
COMMENT ON COLUMN unit_history.successor_code IS 'Đơn vị kế thừa (sáp nhập) / Successor after a merger';
COMMENT ON COLUMN unit_history.valid_from IS 'Phiên bản có hiệu lực từ (trống: từ đầu) / In force from (blank: since ever)';
COMMENT ON COLUMN unit_history.valid_to IS 'Phiên bản có hiệu lực đến (trống: hiện nay) / In force until (blank: still)';
COMMENT ON COLUMN unit_history.changes IS 'Thay đổi so với phiên bản trước: ADDED, RENAMED, MOVED, MERGED, CHANGED / What changed from the previous version';
COMMENT ON COLUMN unit_history.source_file IS 'Tệp danh mục đơn vị đã gửi / Units reference file it came from';
COMMENT ON COLUMN unit_history.ingested_at IS 'Thời điểm nạp tệp đó / When that file was ingested';

COMMENT ON TABLE unit_closure IS 'Mỗi đơn vị cùng mọi đơn vị cấp trên của nó (kể cả chính nó), để cộng dồn số liệu / Every unit with each of its ancestors (itself included), for roll-ups';
COMMENT ON COLUMN unit_closure.ancestor_code IS 'Đơn vị cấp trên (hoặc chính đơn vị) / Ancestor (or the unit itself)';
COMMENT ON COLUMN unit_closure.unit_code IS 'Đơn vị / Unit';
COMMENT ON COLUMN unit_closure.distance IS 'Số cấp giữa hai đơn vị, 0 là chính nó / Levels between the two, 0 for itself';

COMMENT ON TABLE unit_current IS 'Đơn vị được tính số liệu thay cho đơn vị đã sáp nhập / The unit a merged unit''s records are counted under';
COMMENT ON COLUMN unit_current.unit_code IS 'Đơn vị ghi trong sổ / Unit as recorded';
COMMENT ON COLUMN unit_current.current_code IS 'Đơn vị kế thừa hiện nay / Current successor';

COMMENT ON TABLE metrics IS 'Danh mục chỉ tiêu (schemas/metrics.json) / The metric catalog';
COMMENT ON COLUMN metrics.id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN metrics.label_vi IS 'Tên tiếng Việt / Vietnamese label';
COMMENT ON COLUMN metrics.label_en IS 'Tên tiếng Anh / English label';
COMMENT ON COLUMN metrics.record_type IS 'Loại sổ được đếm / Record type counted';
COMMENT ON COLUMN metrics.filter IS 'Điều kiện lọc (JSON) / Filter (JSON)';
COMMENT ON COLUMN metrics.date_field IS 'Trường ngày xếp bản ghi vào kỳ / Date field that places a record in a period';
COMMENT ON COLUMN metrics.counts IS 'Đơn vị đếm: records = lượt / What is counted: records (lượt)';

COMMENT ON TABLE periods IS 'Các kỳ chuẩn: năm, 6 tháng, quý, tháng / Standard periods: years, halves, quarters, months';
COMMENT ON COLUMN periods.period_id IS 'Mã kỳ, vd 2014-H1 / Period id, e.g. 2014-H1';
COMMENT ON COLUMN periods.kind IS 'Loại kỳ: YEAR, HALF, QUARTER, MONTH / Period kind';
COMMENT ON COLUMN periods.period_from IS 'Từ ngày / First day';
COMMENT ON COLUMN periods.period_to IS 'Đến ngày (tính cả ngày này) / Last day, inclusive';
COMMENT ON COLUMN periods.label_vi IS 'Tên kỳ, vd 6 tháng đầu năm 2014 / Vietnamese label';
COMMENT ON COLUMN periods.label_en IS 'Tên kỳ tiếng Anh / English label';

COMMENT ON TABLE metric_values IS 'Giá trị mọi chỉ tiêu theo kỳ chuẩn và đơn vị (cộng dồn đơn vị cấp dưới) / Every metric per standard period and unit, subordinate units included';
COMMENT ON COLUMN metric_values.metric_id IS 'Mã chỉ tiêu / Metric id';
COMMENT ON COLUMN metric_values.period_id IS 'Mã kỳ / Period id';
COMMENT ON COLUMN metric_values.unit_code IS 'Đơn vị (gồm cả các đơn vị cấp dưới) / Unit, with the units below it';
COMMENT ON COLUMN metric_values.basis IS 'SUCCESSOR: đơn vị đã sáp nhập tính vào đơn vị kế thừa; RECORDED: theo đơn vị ghi trong sổ / SUCCESSOR counts merged units under their successor; RECORDED as written';
COMMENT ON COLUMN metric_values.value IS 'Số lượt / Number of records (lượt)';

COMMENT ON TABLE lake_files IS 'Các tệp đã nạp vào hồ dữ liệu (manifest) / Files ingested into the lake (the manifest)';
COMMENT ON COLUMN lake_files.checksum IS 'SHA-256 của tệp / SHA-256 of the file';
COMMENT ON COLUMN lake_files.file_name IS 'Tên tệp / File name';
COMMENT ON COLUMN lake_files.source_path IS 'Đường dẫn khi nạp / Path when ingested';
COMMENT ON COLUMN lake_files.ingested_at IS 'Thời điểm nạp / When ingested';
COMMENT ON COLUMN lake_files.run_id IS 'Lần chạy nạp / Ingest run';
COMMENT ON COLUMN lake_files.accepted IS 'Số dòng được nhận / Rows accepted';
COMMENT ON COLUMN lake_files.duplicates IS 'Số dòng trùng / Rows skipped as duplicates';
COMMENT ON COLUMN lake_files.rejected IS 'Số dòng bị loại / Rows rejected';
COMMENT ON COLUMN lake_files.corrected IS 'Số dòng là phiên bản mới (đính chính) của bản ghi đã có / Rows that were new versions (corrections) of records the lake held';
COMMENT ON COLUMN lake_files.parked IS 'Số dòng chờ danh mục đơn vị (đơn vị chưa có trong danh mục) / Rows waiting for the units reference to name their unit';
COMMENT ON COLUMN lake_files.updated_at IS 'Lần nạp lại sau khi tệp bị rút (pipeline withdraw), nếu có / When the file was ingested again after it was withdrawn, if it was';

COMMENT ON TABLE lake_sheets IS 'Số dòng mỗi trang tính của mỗi tệp đã nạp (manifest) / Counts per sheet of every ingested file (the manifest)';
COMMENT ON COLUMN lake_sheets.checksum IS 'SHA-256 của tệp / SHA-256 of the file';
COMMENT ON COLUMN lake_sheets.sheet IS 'Trang tính / Sheet';
COMMENT ON COLUMN lake_sheets.record_type IS 'Loại sổ nhận ra, NULL nếu không phải sổ theo dõi / Record type recognised, NULL for a sheet that is not a register';
COMMENT ON COLUMN lake_sheets.accepted IS 'Số dòng được nhận / Rows accepted';
COMMENT ON COLUMN lake_sheets.duplicates IS 'Số dòng trùng / Rows skipped as duplicates';
COMMENT ON COLUMN lake_sheets.rejected IS 'Số dòng bị loại / Rows rejected';
COMMENT ON COLUMN lake_sheets.corrected IS 'Số dòng là phiên bản mới (đính chính) / Rows that were new versions (corrections)';
COMMENT ON COLUMN lake_sheets.parked IS 'Số dòng chờ danh mục đơn vị / Rows waiting for the units reference';
COMMENT ON COLUMN lake_sheets.outdated IS 'Số dòng giống một phiên bản cũ đã được đính chính (không thay đổi gì) / Rows equal to a version already corrected (nothing changed)';

COMMENT ON TABLE withdrawals IS 'Các bản ghi bị rút khỏi số liệu: tệp gửi lại sổ thiếu chúng (resent), lệnh pipeline withdraw (withdrawn), hoặc chỉ báo cáo (reported) / Records withdrawn from the figures: a resent register lacked them (resent), pipeline withdraw (withdrawn), or reported only (reported)';
COMMENT ON COLUMN withdrawals.withdrawn_at IS 'Thời điểm rút / When withdrawn';
COMMENT ON COLUMN withdrawals.reason IS 'resent, withdrawn hoặc reported / resent, withdrawn or reported';
COMMENT ON COLUMN withdrawals.record_type IS 'Loại sổ / Record type';
COMMENT ON COLUMN withdrawals.record_key IS 'Mã băm khóa tự nhiên của bản ghi / Hash of the record''s natural key';
COMMENT ON COLUMN withdrawals.source_checksum IS 'SHA-256 của tệp đã cho phiên bản bị rút / SHA-256 of the file whose version was withdrawn';
COMMENT ON COLUMN withdrawals.record_date IS 'Ngày xếp bản ghi vào kỳ / The date that placed the record in its period';
COMMENT ON COLUMN withdrawals.by_file IS 'SHA-256 của tệp gửi lại sổ (resent) / SHA-256 of the resending file (resent)';
COMMENT ON COLUMN withdrawals.file IS 'SHA-256 của tệp bị rút (withdrawn) / SHA-256 of the file withdrawn (withdrawn)';

COMMENT ON TABLE lake_parts IS 'Các tệp Parquet của hồ dữ liệu, như khi ghi (manifest); pipeline verify đối chiếu chúng / The lake''s Parquet files as committed (the manifest); pipeline verify checks them';
COMMENT ON COLUMN lake_parts.checksum IS 'SHA-256 của tệp nguồn / SHA-256 of the source file';
COMMENT ON COLUMN lake_parts.path IS 'Đường dẫn trong hồ dữ liệu / Path inside the lake';
COMMENT ON COLUMN lake_parts.record_type IS 'Loại sổ / Record type';
COMMENT ON COLUMN lake_parts.rows IS 'Số bản ghi khi ghi (NULL với tệp ghi trước khi có trường này) / Records when committed (NULL for files committed before this was recorded)';
COMMENT ON COLUMN lake_parts.bytes IS 'Kích thước khi ghi / Size in bytes when committed';
COMMENT ON COLUMN lake_parts.sha256 IS 'SHA-256 khi ghi / SHA-256 when committed';
COMMENT ON COLUMN lake_parts.committed_at IS 'Thời điểm các bản ghi của tệp được biết đến (valid_from của các phiên bản) / When its records became known (their versions'' valid_from)';

COMMENT ON TABLE lake_problems IS 'Tệp Parquet của hồ dữ liệu không còn như khi ghi (mất, khác kích thước hoặc số dòng) lúc làm mới / Lake files not as committed (missing, another size or row count) at the refresh';
COMMENT ON COLUMN lake_problems.path IS 'Đường dẫn trong hồ dữ liệu / Path inside the lake';
COMMENT ON COLUMN lake_problems.checksum IS 'SHA-256 của tệp nguồn / SHA-256 of the source file';
COMMENT ON COLUMN lake_problems.file_name IS 'Tệp nguồn cần nạp lại (pipeline ingest --force) / Source file to re-ingest (pipeline ingest --force)';
COMMENT ON COLUMN lake_problems.problem IS 'missing hoặc damaged / missing or damaged';
COMMENT ON COLUMN lake_problems.detail IS 'Chi tiết / Details';

COMMENT ON TABLE data_tests IS 'Kết quả kiểm tra dữ liệu lần làm mới gần nhất / Data tests of the last refresh';
COMMENT ON COLUMN data_tests.name IS 'Tên phép kiểm tra / Test name';
COMMENT ON COLUMN data_tests.description IS 'Nội dung kiểm tra / What it checks';
COMMENT ON COLUMN data_tests.failures IS 'Số dòng vi phạm / Violating rows';
COMMENT ON COLUMN data_tests.passed IS 'Đạt / Passed';
COMMENT ON TABLE warehouse_build IS 'Cách tệp kho dữ liệu này được ghi (phiên bản định dạng lưu trữ…) / How this warehouse file was written (storage version…)';
COMMENT ON COLUMN warehouse_build.key IS 'Tên thông số / Setting';
COMMENT ON COLUMN warehouse_build.value IS 'Giá trị / Value';
