package vn.inspection.pipeline.lake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Parquet lake.
 *
 * @param compressionCodec Parquet compression of lake files: {@code zstd} (default), {@code snappy}, {@code gzip}
 *                         or {@code uncompressed}
 */
@ConfigurationProperties("lake")
public record LakeProperties(@DefaultValue("zstd") String compressionCodec) {
}
