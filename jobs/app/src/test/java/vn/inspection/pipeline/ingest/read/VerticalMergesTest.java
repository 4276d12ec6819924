package vn.inspection.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class VerticalMergesTest {

    static List<VerticalMerges.Region> scan(String xml) throws IOException {
        return XlsxMergedCells.scan(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void findsTheMergedCellsOfAWorksheetPartWithOrWithoutANamespacePrefix() throws IOException {
        assertThat(scan("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;mergeCell ref=\"Z1:Z9\"/&gt;</t></is></c></row>"
                + "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:I1\"/><mergeCell ref=\"B4:B6\"/></mergeCells></worksheet>"))
                .as("text that looks like a tag is escaped in XML and not taken")
                .containsExactly(new VerticalMerges.Region(1, 1, 0), new VerticalMerges.Region(4, 6, 1));
        assertThat(scan("<x:worksheet><x:mergeCells><x:mergeCell ref=\"$C$10:$D$12\" /></x:mergeCells></x:worksheet>"))
                .containsExactly(new VerticalMerges.Region(10, 12, 2));
        assertThat(scan("<worksheet><mergeCells><mergeCell ref=\"A1\"/><mergeCell ref=\"nonsense\"/></mergeCells></worksheet>")).isEmpty();
    }

    @Test
    void givesTheTopValueOfACellMergedDownToTheRowsItCoversOnly() {
        VerticalMerges merges = new VerticalMerges(List.of(new VerticalMerges.Region(4, 6, 1), new VerticalMerges.Region(1, 1, 0)));

        assertThat(merges.apply(new SheetRow(3, List.of("STT", "Đơn vị"))).mergedAbove()).isEmpty();
        assertThat(merges.apply(new SheetRow(4, List.of("1", "Điện lực tỉnh", "x"))).mergedAbove()).isEmpty();
        SheetRow fifth = merges.apply(new SheetRow(5, List.of("2", "", "y")));
        assertThat(fifth.mergedAbove()).containsEntry(1, new SheetRow.Merged(4, "Điện lực tỉnh"));
        assertThat(fifth.cellsWithMerged(4)).containsExactly("2", "Điện lực tỉnh", "y");
        assertThat(fifth.cellsWithMerged(5)).as("a cell merged down from above the records is not a record's value").containsExactly("2", "", "y");
        assertThat(merges.apply(new SheetRow(7, List.of("3", "", "z"))).mergedAbove()).as("below the merged cell").isEmpty();
    }
}
