package vn.inspection.pipeline.lake;

import java.util.Map;

/**
 * One record as the lake stores it: typed values by field name, its natural-key hash, and its lineage
 * (source file name and checksum, sheet, row number).
 */
public record LakeRow(Map<String, Object> values, String recordKey, String sourceFile, String sourceChecksum,
                      String sheet, int row) {
}
