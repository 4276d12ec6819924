package vn.inspection.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The mail's subject and body from the configured templates, numbers in Vietnamese format. */
class MailTextTest {
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    static DeliveryLedger.Entry entry(String language) {
        return new DeliveryLedger.Entry("half-year/2014-H1-vs-2013-H1", "half-year", "2013-H1", "2014-H1", null,
                "Báo cáo kết quả công tác kiểm tra",
                "6 tháng đầu năm 2014 so với cùng kỳ năm 2013", "6 tháng đầu năm 2013", "6 tháng đầu năm 2014", "Đảng bộ Khối Vạn Xuân", language,
                "half-year_2014-H1_vs_2013-H1.pdf", "ab", 6, Instant.parse("2014-07-01T19:05:00Z"), 1,
                List.of(new DeliveryLedger.Figure("inspection.orgs", "Tổ chức đảng được kiểm tra", 401, 423),
                        new DeliveryLedger.Figure("inspection.members", "Đảng viên được kiểm tra", 2390, 2528),
                        new DeliveryLedger.Figure("complaint.received", "Đơn thư nhận được", 92, 71),
                        new DeliveryLedger.Figure("discipline.orgs", "Tổ chức đảng bị thi hành kỷ luật", 0, 2)),
                19, 26_627, Instant.parse("2014-07-01T19:00:00Z"), List.of());
    }

    @Test
    void listsTheConfiguredFiguresInVietnameseNumberFormat() {
        MailText text = new MailText(DeliveryProperties.DEFAULT_SUBJECT, DeliveryProperties.DEFAULT_BODY,
                List.of("inspection.orgs", "inspection.members", "complaint.received", "discipline.orgs", "supervision.orgs"));

        assertThat(text.figures(entry("vi"))).isEqualTo("""
                - Tổ chức đảng được kiểm tra: 423 (6 tháng đầu năm 2013: 401; +5,5%)
                - Đảng viên được kiểm tra: 2.528 (6 tháng đầu năm 2013: 2.390; +5,8%)
                - Đơn thư nhận được: 71 (6 tháng đầu năm 2013: 92; \u221222,8%)
                - Tổ chức đảng bị thi hành kỷ luật: 2 (6 tháng đầu năm 2013: 0; \u2013)""");
    }

    @Test
    void fillsTheDefaultSubjectAndBody() {
        MailText text = new MailText(DeliveryProperties.DEFAULT_SUBJECT, DeliveryProperties.DEFAULT_BODY, DeliveryProperties.DEFAULT_FIGURES);

        assertThat(text.subject(entry("vi"), HANOI))
                .isEqualTo("Báo cáo kết quả công tác kiểm tra — 6 tháng đầu năm 2014 so với cùng kỳ năm 2013");
        assertThat(text.body(entry("vi"), HANOI))
                .contains("Kính gửi các đồng chí,")
                .contains("Xin gửi kèm Báo cáo kết quả công tác kiểm tra — 6 tháng đầu năm 2014 so với cùng kỳ năm 2013 (Đảng bộ Khối Vạn Xuân)")
                .contains("(Đảng bộ Khối Vạn Xuân), tệp half-year_2014-H1_vs_2013-H1.pdf (6 trang)")
                .contains("- Đảng viên được kiểm tra: 2.528")
                .contains("từ 19 tệp sổ theo dõi đã nhập (26.627 bản ghi; lần nhập gần nhất: 02:00 02/07/2014); báo cáo lập ngày 02/07/2014");
    }

    @Test
    void writesEnglishNumbersForAnEnglishReport() {
        MailText text = new MailText("{report}: {period_b}", "{figures}", List.of("inspection.members"));

        assertThat(text.body(entry("en"), HANOI)).isEqualTo("- Đảng viên được kiểm tra: 2,528 (6 tháng đầu năm 2013: 2,390; +5.8%)");
        assertThat(text.subject(entry("en"), HANOI)).isEqualTo("half-year: 6 tháng đầu năm 2014");
    }

    @Test
    void aSubjectStaysOnOneLineWhateverTheTemplate() {
        MailText text = new MailText("{report}\r\nBcc: someone@example.org", "x", List.of());

        assertThat(text.subject(entry("vi"), HANOI)).isEqualTo("half-year Bcc: someone@example.org").doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void refusesAPlaceholderThatDoesNotExistNamingTheKey() {
        assertThatThrownBy(() -> new MailText("{title}", "Số liệu: {figure}", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pipeline.delivery.mail.body uses {figure}, which is not a placeholder: use ")
                .hasMessageContaining("{figures}");
    }

    @Test
    void theHtmlBodyHasTheTextTheKeyFiguresTableAndTheChartByItsContentId() {
        MailText text = new MailText(DeliveryProperties.DEFAULT_SUBJECT, "Kính gửi <các đồng chí> & {unit},\n\n{figures}\n\nTệp {file}.",
                List.of("inspection.orgs", "complaint.received", "discipline.orgs"));

        String html = text.html(entry("vi"), HANOI, "chart@x");

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">")
                .contains("<p>Kính gửi &lt;các đồng chí&gt; &amp; Đảng bộ Khối Vạn Xuân,</p>")
                .contains("<p>Tệp half-year_2014-H1_vs_2013-H1.pdf.</p>")
                .contains("<img src=\"cid:chart@x\" alt=\"Một số kết quả chủ yếu: 6 tháng đầu năm 2014 so với cùng kỳ năm 2013\"");
        // the table: a header, then one row a configured figure, numbers as the PDF prints them
        String cells = html.replaceAll("<t[dh][^>]*>", "|").replaceAll("</t[dh]>", "").replaceAll("<[^>]+>", "");
        assertThat(cells).contains("|Chỉ tiêu|6 tháng đầu năm 2013|6 tháng đầu năm 2014|Tăng/giảm|Tỷ lệ %\n")
                .contains("|Tổ chức đảng được kiểm tra|401|423|+22|+5,5%\n")
                .contains("|Đơn thư nhận được|92|71|\u221221|\u221222,8%\n")
                .contains("|Tổ chức đảng bị thi hành kỷ luật|0|2|+2|\u2013\n");
        assertThat(html.indexOf("<table")).as("the figures stand where the template has {figures}")
                .isGreaterThan(html.indexOf("Kính gửi")).isLessThan(html.indexOf("Tệp half-year"));
        assertThat(html).doesNotContain("{figures}").doesNotContain("\u0000");
    }
}
