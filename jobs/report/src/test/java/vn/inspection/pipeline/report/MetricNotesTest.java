package vn.inspection.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.report.MetricNotes.Direction;

/** A metric's direction judges its change: good news, news to watch, or none (neutral, grey). */
class MetricNotesTest {

    @Test
    void aDirectionJudgesAChangeNeutralNever() {
        assertThat(Direction.HIGHER_IS_BETTER.judge(5)).isEqualTo(1);
        assertThat(Direction.HIGHER_IS_BETTER.judge(-5)).isEqualTo(-1);
        assertThat(Direction.LOWER_IS_BETTER.judge(-5)).isEqualTo(1);
        assertThat(Direction.LOWER_IS_BETTER.judge(5)).isEqualTo(-1);
        assertThat(Direction.NEUTRAL.judge(-5)).isZero();
        assertThat(Direction.NEUTRAL.judge(5)).isZero();
        assertThat(Direction.HIGHER_IS_BETTER.judge(0)).isZero();
    }

    @Test
    void readsDefinitionsAndDirectionsAndRefusesAnUnknownDirection() throws Exception {
        MetricNotes notes = MetricNotes.parse(new ByteArrayInputStream("""
                {"metrics": [{"id": "a.b", "definition": {"vi": "Số lượt …", "en": "Count …"}, "direction": "lower-is-better"},
                             {"id": "c.d"}]}
                """.getBytes(StandardCharsets.UTF_8)), "metrics.json");
        assertThat(notes.direction("a.b")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(notes.definition("a.b")).hasValueSatisfying(d -> assertThat(d.vi()).isEqualTo("Số lượt …"));
        assertThat(notes.direction("c.d")).as("no direction: no judgement").isEqualTo(Direction.NEUTRAL);
        assertThat(notes.definition("c.d")).isEmpty();
        assertThat(notes.direction("x.y")).isEqualTo(Direction.NEUTRAL);
        assertThatThrownBy(() -> MetricNotes.parse(new ByteArrayInputStream("""
                {"metrics": [{"id": "a.b", "direction": "up"}]}
                """.getBytes(StandardCharsets.UTF_8)), "metrics.json"))
                .hasMessage("metrics.json, metric 'a.b': direction is higher-is-better, lower-is-better or neutral, not 'up'");
    }
}
