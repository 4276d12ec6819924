package vn.inspection.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.inspection.pipeline.schema.SchemaCatalog;

/** Every kind of reason the ingest gives a rejected row, in the plain Vietnamese the office reads. */
class RejectReasonsTest {
    final RejectReasons reasons = new RejectReasons(SchemaCatalog.load(Path.of("../../schemas")));

    @Test
    void eachKindOfReasonSaysWhatToFixInVietnamese() {
        assertThat(reasons.vietnamese("inspection", "start_date", "'31/02/2014' is not a date that exists (Invalid date 'FEBRUARY 31')"))
                .isEqualTo("Ngày 31/02/2014 không tồn tại: hãy sửa lại ngày quyết định cho đúng.");
        assertThat(reasons.vietnamese("inspection", "start_date", "'mùng 3' is not a date (expected dd/MM/yyyy, yyyy-MM-dd, an Excel date or \"ngày d tháng M năm yyyy\")"))
                .isEqualTo("\"mùng 3\" ở cột \"Ngày quyết định\" không phải là ngày: hãy ghi ngày dạng ngày/tháng/năm, ví dụ 15/03/2014.");
        assertThat(reasons.vietnamese("supervision", "subject", "required value missing (column 'Tên đối tượng')"))
                .isEqualTo("Thiếu \"Tên đối tượng\": cột này phải có giá trị.");
        assertThat(reasons.vietnamese("complaint", "resolved_date", "resolved_date 2014-01-02 is before received_date 2014-02-01"))
                .isEqualTo("\"Ngày giải quyết\" (02/01/2014) trước \"Ngày nhận\" (01/02/2014): hãy kiểm tra lại hai ngày này.");
        assertThat(reasons.vietnamese("discipline", "decision_date", "date 2099-01-05 is in the future"))
                .isEqualTo("Ngày 05/01/2099 ở cột \"Ngày quyết định\" là ngày trong tương lai: hãy kiểm tra lại ngày, tháng, năm.");
        assertThat(reasons.vietnamese("discipline", "decision_date", "date 1920-01-05 is before 1930-01-01"))
                .isEqualTo("Ngày 05/01/1920 ở cột \"Ngày quyết định\" trước năm 1930: hãy kiểm tra lại năm.");
        assertThat(reasons.vietnamese("discipline", "form", "Giải tán (DISSOLUTION) applies to organizations, not to a party member"))
                .startsWith("Hình thức \"Giải tán\" chỉ áp dụng cho tổ chức đảng");
        assertThat(reasons.vietnamese("inspection", "unit", "unknown unit 'Vụ Ba' (not a code, name or alias in the units reference)"))
                .isEqualTo("Đơn vị \"Vụ Ba\" không có trong danh mục đơn vị: hãy ghi mã hoặc tên đơn vị như trong danh mục (trang \"Đơn vị\" của tệp này).");
        assertThat(reasons.vietnamese("inspection", "unit", "unknown unit 'Vụ Ba' (not a code, name or alias in the units reference) — parked: "
                + "accepted when a units reference names it"))
                .startsWith("Đơn vị \"Vụ Ba\" không có trong danh mục đơn vị: dòng được giữ lại và sẽ được nhập khi danh mục có đơn vị này");
        assertThat(reasons.vietnamese("inspection", "unit", "unit name 'Bộ Một' is ambiguous (units [B1, B2]): use the unit code"))
                .isEqualTo("Tên đơn vị \"Bộ Một\" trùng với nhiều đơn vị (B1, B2): hãy ghi mã đơn vị.");
    }

    @Test
    void severalReasonsOfOneRowAreEachTranslatedAndAnUnknownOneKeepsItsWords() {
        assertThat(reasons.vietnamese("inspection", "start_date", "start_date: '31/02/2014' is not a date that exists (x); "
                + "type: 'Đột xuất' is not a recognised value (expected one of Khi có dấu hiệu vi phạm, Chấp hành)"))
                .isEqualTo("Ngày 31/02/2014 không tồn tại: hãy sửa lại ngày quyết định cho đúng. \"Đột xuất\" ở cột \"Loại kiểm tra\" không phải "
                        + "giá trị được chấp nhận: hãy ghi một trong các giá trị Khi có dấu hiệu vi phạm, Chấp hành.");
        assertThat(reasons.vietnamese("inspection", "type", "something new went wrong"))
                .isEqualTo("Dòng chưa nhập được (something new went wrong): hãy kiểm tra lại dòng này.");
    }
}
