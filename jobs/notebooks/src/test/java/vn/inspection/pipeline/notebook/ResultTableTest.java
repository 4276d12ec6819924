package vn.inspection.pipeline.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.text.Language;

class ResultTableTest {
    Connection db;

    @BeforeEach
    void open() throws Exception {
        db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void writesWholeNumbersInVietnameseFormatAndRightAlignsThem() throws Exception {
        ResultTable table = ResultTable.query(db, "SELECT * FROM (VALUES ('Tổ chức đảng', 423::BIGINT), ('Đảng viên', 2528::BIGINT)) t(doi_tuong, so_luong)");

        assertThat(table.text()).isEqualTo("""
                doi_tuong     so_luong
                Tổ chức đảng       423
                Đảng viên        2.528
                2 dòng
                """);
        assertThat(table.html()).contains("<th>doi_tuong</th><th>so_luong</th>")
                .contains("<td style=\"text-align:left\">Đảng viên</td><td style=\"text-align:right\">2.528</td>");
    }

    @Test
    void writesEnglishNumbersWhenAsked() throws Exception {
        ResultTable table = ResultTable.query(db, Language.EN, "SELECT 3050::BIGINT AS members");

        assertThat(table.text()).isEqualTo("members\n  3,050\n1 row\n");
    }

    @Test
    void bindsParametersAndHandsColumnsToCharts() throws Exception {
        ResultTable table = ResultTable.query(db, "SELECT range AS n, 'q' || range AS label FROM range(?) WHERE range >= ?", 4, 1);

        assertThat(table.columns()).containsExactly("n", "label");
        assertThat(table.longs("n")).containsExactly(1, 2, 3);
        assertThat(table.strings("label")).containsExactly("q1", "q2", "q3");
        assertThat(table.get(2, "label")).isEqualTo("q3");
        assertThatThrownBy(() -> table.longs("label")).hasMessage("column 'label' holds String, not numbers");
        assertThatThrownBy(() -> table.strings("nope")).hasMessage("no column 'nope' in [n, label]");
    }

    @Test
    void escapesTextSoACellCannotInjectMarkup() throws Exception {
        ResultTable table = ResultTable.query(db, "SELECT '<script>alert(1)</script> & \"x\"' AS \"<b>c</b>\"");

        assertThat(table.html()).doesNotContain("<script>", "<b>")
                .contains("<th>&lt;b&gt;c&lt;/b&gt;</th>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
    }

    @Test
    void showsTheFirstRowsOfALongResultAndSaysHowManyThereAre() throws Exception {
        ResultTable table = ResultTable.query(db, "SELECT range AS n FROM range(1500)");

        assertThat(table.size()).isEqualTo(1500);
        assertThat(table.html()).contains("1.500 dòng (hiện 60 dòng đầu)");
        assertThat(table.text().lines()).hasSize(1 + ResultTable.SHOWN + 1);
    }

    @Test
    void writesNullsAsEmptyCellsAndDecimalsWithOneDecimal() throws Exception {
        ResultTable table = ResultTable.query(db, "SELECT NULL::VARCHAR AS a, 14.44::DOUBLE AS b, NULL::BIGINT AS c");

        assertThat(table.rows()).containsExactly(java.util.Arrays.asList(null, 14.44, null));
        assertThat(table.text().lines().toList()).element(1).isEqualTo("   14,4   ");
        assertThat(table.longs("c")).containsExactly(0);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new ResultTable(List.of("a", "b"), List.of(List.of(1)), Language.VI))
                .hasMessage("a row of 1 values in a table of 2 columns");
    }
}
