package vn.inspection.pipeline.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import vn.inspection.pipeline.lake.LakeManifest;
import vn.inspection.pipeline.lake.LakeSnapshot;
import vn.inspection.pipeline.lake.ManifestEntry;

/**
 * The lake on any file system Hadoop reaches ({@code file:}, {@code hdfs://}, {@code s3a://} with the usual
 * connector jars): its manifest read once into a {@link LakeSnapshot}, and the committed files as full paths.
 * Like every reader, it follows the manifest, never a listing of the data folders, so a file half-published by
 * a crashed ingest is never read.
 */
public final class SparkLake {
    private final Path root;
    private final LakeSnapshot snapshot;

    private SparkLake(Path root, LakeSnapshot snapshot) {
        this.root = root;
        this.snapshot = snapshot;
    }

    /**
     * Reads the manifest of the lake at {@code uri} (a URI, or a local path).
     *
     * @throws IllegalArgumentException when nothing is there, or it holds no manifest (no ingest has committed a file)
     */
    public static SparkLake open(String uri, Configuration hadoop) {
        Path root = new Path(uri);
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            root = fs.makeQualified(root);
            if (!fs.exists(root)) {
                throw new IllegalArgumentException("no lake at " + root + ": ingest some registers first (pipeline ingest PATH), "
                        + "or give --lake the lake's URI (or --home the folder that holds it)");
            }
            Path manifest = new Path(root, LakeManifest.DIR);
            if (!fs.exists(manifest)) {
                throw new IllegalArgumentException("no manifest in the lake " + root + " (" + LakeManifest.DIR
                        + "/ is missing): ingest some registers first (pipeline ingest PATH)");
            }
            List<ManifestEntry> entries = new ArrayList<>();
            for (FileStatus file : fs.listStatus(manifest, p -> p.getName().endsWith(".json") && !p.getName().startsWith("."))) {
                try (InputStream in = fs.open(file.getPath())) {
                    entries.add(LakeManifest.parse(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("unreadable manifest entry " + file.getPath() + ": " + e.getMessage(), e);
                }
            }
            List<vn.inspection.pipeline.lake.Withdrawal> withdrawals = new ArrayList<>();
            Path withdrawn = new Path(root, vn.inspection.pipeline.lake.Withdrawal.DIR);
            if (fs.exists(withdrawn)) {
                for (FileStatus file : fs.listStatus(withdrawn, p -> p.getName().endsWith(".json") && !p.getName().startsWith("."))) {
                    try (InputStream in = fs.open(file.getPath())) {
                        withdrawals.add(LakeManifest.parseWithdrawal(in, file.getPath().toString()));
                    }
                }
            }
            return new SparkLake(root, new LakeSnapshot(entries, withdrawals));
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("no lake at " + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lake at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The lake's root, fully qualified ({@code file:/…}, {@code hdfs://…}). */
    public String root() {
        return root.toString();
    }

    public LakeSnapshot snapshot() {
        return snapshot;
    }

    /** The folder of one record type (the base of its Hive partitions). */
    public String folder(String recordType) {
        return new Path(root, recordType).toString();
    }

    /** The full path of a file named relative to the lake root (as the manifest names them). */
    public String resolve(String relative) {
        return new Path(root, relative).toString();
    }

    /** The committed files of one record type, as full paths, in manifest order. */
    public List<String> dataFiles(String recordType) {
        return snapshot.dataFiles(recordType).stream().map(relative -> new Path(root, relative).toString()).toList();
    }
}
