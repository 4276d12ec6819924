package vn.inspection.pipeline.schema;

/** A schema file that cannot be loaded, with the file and the reason. */
public class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
