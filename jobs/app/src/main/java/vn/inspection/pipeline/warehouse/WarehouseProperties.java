package vn.inspection.pipeline.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the warehouse (the write side; the read commands read the same key through
 * {@link vn.inspection.pipeline.system.Settings}).
 *
 * @param storageVersion the oldest DuckDB release whose clients must open the warehouse file
 *                       ({@value StorageVersion#KEY}, default {@value StorageVersion#DEFAULT_VALUE}): see {@link StorageVersion}
 */
@ConfigurationProperties("warehouse")
public record WarehouseProperties(@DefaultValue(StorageVersion.DEFAULT_VALUE) String storageVersion) {

    public StorageVersion storage() {
        return StorageVersion.parse(storageVersion);
    }
}
