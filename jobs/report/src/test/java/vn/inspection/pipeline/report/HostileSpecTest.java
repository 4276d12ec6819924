package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.schema.SchemaException;

/**
 * Hostile report specs (issue "Hardening, second round"): an error names the file and the place in it, never its
 * content; a spec nested without end or with a title of 100,000 characters is refused in one clear line, at once.
 */
class HostileSpecTest {
    @TempDir
    Path temp;

    Throwable load(String json) throws IOException {
        Path file = temp.resolve("thu.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return catchThrowable(() -> ReportSpec.load(file, Catalogs.SCHEMA, Catalogs.METRICS));
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithoutEchoingItsContent() throws IOException {
        Throwable thrown = load("root:x:0:0:SECRET-HASH-$6$abcdefgh:/root:/bin/bash\n");

        assertThat(thrown).isInstanceOf(SchemaException.class);
        assertThat(thrown.getMessage()).startsWith(temp.resolve("thu.json") + ": not valid JSON at line 1, column ")
                .doesNotContain("root").doesNotContain("SECRET").doesNotContain("bash");
    }

    @Test
    void aKeyOrValueFromTheFileIsQuotedShortOnOneLine() throws IOException {
        String secret = "x".repeat(5_000) + "\nSECRET";
        Throwable thrown = load(ReportSpecTest.VALID.replace("\"periods\":", "\"" + secret.replace("\n", "\\n") + "\": 1, \"periods\":"));

        assertThat(thrown).isInstanceOf(SchemaException.class);
        assertThat(thrown.getMessage()).contains("unknown key 'xxxxxxxx").doesNotContain("SECRET").hasSizeLessThan(300).doesNotContain("\n");
    }

    @Test
    void aDeeplyNestedSpecIsRefusedInOneLineWithoutAClassName() throws IOException {
        Throwable thrown = load("{\"title\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

        assertThat(thrown).isInstanceOf(SchemaException.class);
        assertThat(thrown.getMessage()).contains("thu.json: nested more than 32 levels deep").doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void aTitleOfAHundredThousandCharactersIsRefusedAtOnce() throws IOException {
        long started = System.nanoTime();
        Throwable thrown = load(ReportSpecTest.VALID.replace("\"Báo cáo thử\"", "\"" + "Dài ".repeat(25_000) + "\""));

        assertThat(thrown).isInstanceOf(SchemaException.class);
        assertThat(thrown.getMessage()).contains("thu.json, title: a title is at most 300 characters; its vi text has 99999");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
}
