package vn.inspection.pipeline.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.system.Json;

/**
 * The files of one ingest run in the order they are applied (files holding a units reference first,
 * then by path), each with its checksum and what the planner already knows of it. Kept in the job's
 * execution context, so a restarted run works through exactly the same plan.
 */
public record IngestPlan(@JsonProperty("files") List<PlannedFile> files) {

    public IngestPlan {
        files = List.copyOf(files);
    }

    /** PENDING files are read; NOT_RECOGNISED files hold no register the schemas know (not read, not in the lake). */
    public enum Status { PENDING, ALREADY_INGESTED, QUARANTINED, NOT_RECOGNISED }

    /**
     * One input file. {@code sheetOrder} lists the sheet indexes to read, units references first;
     * {@code reason} says why a file is not PENDING, or why a PENDING file the lake already holds is read again;
     * {@code replaces} is true for such a file: its publish replaces the lake's files of it.
     */
    public record PlannedFile(
            @JsonProperty("path") String path,
            @JsonProperty("checksum") String checksum,
            @JsonProperty("size") long size,
            @JsonProperty("status") Status status,
            @JsonProperty("reason") String reason,
            @JsonProperty("sheet_order") List<Integer> sheetOrder,
            @JsonProperty("has_units") boolean hasUnits,
            @JsonProperty("replaces") boolean replaces) {

        public PlannedFile(String path, String checksum, long size, Status status, String reason, List<Integer> sheetOrder, boolean hasUnits) {
            this(path, checksum, size, status, reason, sheetOrder, hasUnits, false);
        }

        /** This file, read again because its records were withdrawn: its records come back (its earlier parts stay, as history). */
        public PlannedFile readmitting(String why) {
            return new PlannedFile(path, checksum, size, status, why, sheetOrder, hasUnits, false);
        }

        /** This file, read again to replace what the lake holds of it, and why. */
        public PlannedFile replacing(String why) {
            return new PlannedFile(path, checksum, size, status, why, sheetOrder, hasUnits, true);
        }

        @JsonIgnore
        public String fileName() {
            // by text: a path whose name the locale cannot encode back (reported, not read) is no Path
            int slash = path.lastIndexOf(java.io.File.separatorChar);
            return slash >= 0 ? path.substring(slash + 1) : path;
        }
    }

    /** The checksums of the files whose lake files this run replaces. */
    @JsonIgnore
    public java.util.Set<String> replaced() {
        return files.stream().filter(PlannedFile::replaces).map(PlannedFile::checksum).collect(java.util.stream.Collectors.toSet());
    }

    @JsonIgnore
    public List<PlannedFile> pending() {
        return files.stream().filter(f -> f.status() == Status.PENDING).toList();
    }

    public String toJson() {
        return Json.write(this);
    }

    public static IngestPlan fromJson(String json) {
        return Json.read(json, IngestPlan.class);
    }
}
