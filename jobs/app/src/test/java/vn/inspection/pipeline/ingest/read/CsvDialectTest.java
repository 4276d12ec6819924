package vn.inspection.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The dialect of a delimited text file, found from its parsed records. */
class CsvDialectTest {

    @Test
    void findsTheSemicolonWhenQuotedTextHoldsCommasSemicolonsAndLineBreaks() throws Exception {
        StringBuilder csv = new StringBuilder("STT;Số vào sổ;Ngày nhận;Nội dung đơn;Tình trạng\r\n");
        for (int i = 1; i <= 12; i++) {
            String content = i % 4 == 0 ? "\"Phản ánh, kiến nghị; cụ thể:\r\n- một, hai;\n- ba\"" : "Nội dung số " + i;
            csv.append(i).append(';').append(i).append("/ĐT;0").append(1 + i % 9).append("/03/2013;").append(content).append(";Đã giải quyết\r\n");
        }

        assertThat(CsvDialect.detect(csv.toString(), true)).isEqualTo(new CsvDialect(';', '"'));
    }

    @Test
    void findsTabAndPipe() throws Exception {
        assertThat(CsvDialect.detect("a\tb\tc\n1\t2\t3\n4\t5\t6\n", true).delimiter()).isEqualTo('\t');
        assertThat(CsvDialect.detect("a|b|c\n1|2|3\n4|5|6\n", true).delimiter()).isEqualTo('|');
    }

    @Test
    void prefersTheDelimiterGivingMoreColumnsWhenTextHoldsAnotherOneInEveryRow() throws Exception {
        String csv = "STT;Đơn vị;Loại đơn;Ngày nhận\n1;DU01;Phản ánh, kiến nghị;01/03/2013\n2;DU02;Phản ánh, kiến nghị;02/03/2013\n";

        assertThat(CsvDialect.detect(csv, true).delimiter()).isEqualTo(';');
    }

    @Test
    void ignoresARecordCutByTheEndOfTheSample() throws Exception {
        String csv = "a;b;c\n1;2;3\n4;5;6\n7;\"eight, and a quote cut";

        assertThat(CsvDialect.detect(csv, false).delimiter()).isEqualTo(';');
    }

    @Test
    void refusesToGuessWhenTwoDelimitersFitTheRecordsAlike() {
        String csv = "a,b;c\n1,2;3\n4,5;6\n";

        assertThatThrownBy(() -> CsvDialect.detect(csv, true))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("cannot tell how the text file separates its columns")
                .hasMessageContaining("','").hasMessageContaining("';'");
    }

    @Test
    void readsAOneColumnFileWithTheDefault() throws Exception {
        assertThat(CsvDialect.detect("one\ntwo\nthree\n", true)).isEqualTo(new CsvDialect(',', '"'));
    }
}
