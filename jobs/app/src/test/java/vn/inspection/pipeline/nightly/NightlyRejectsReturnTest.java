package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import vn.inspection.pipeline.support.Cli;

/**
 * Rejected rows go back to the office that sent them, as the nightly runs them (its own JVM) against a real SMTP server:
 * a units reference gives the bloc and two committees addresses (one of them two, separated by ';'); each committee's
 * register has rejected rows; each committee receives once an XLSX of its own rows only (sheet and row in its own file,
 * the reason in plain Vietnamese, the row as typed with the member's name it typed) and the units it may name; the
 * bloc receives nothing; a second night sends nothing; the register sent again fixed brings no mail.
 */
class NightlyRejectsReturnTest {
    static final String BLOC = "vanphong@khoi.example";
    static final String C1_A = "ubkt@bomot.example";
    static final String C1_B = "vanthu@bomot.example";
    static final String C2 = "ubkt@bohai.example";

    @TempDir
    Path temp;
    int port;
    GreenMail smtp;

    @BeforeEach
    void startTheMailServer() throws Exception {
        port = NightlyRuns.freePort();
        smtp = NightlyRuns.smtp(port);
        smtp.start();
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    /** Mail through GreenMail, from the pipeline's address; no report recipients, so only the offices' mails go out. */
    List<String> mail() {
        return List.of("-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + port, "-Dpipeline.delivery.mail.from=" + NightlyRuns.FROM,
                "-Dpipeline.nightly.reports=half-year");
    }

    static void write(Path file, String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    @Test
    void eachOfficeReceivesItsOwnRejectedRowsOnce() throws Exception {
        Path inbox = temp.resolve("inbox");
        write(inbox.resolve("don-vi.csv"),
                "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp,Thư điện tử",
                "K,Đảng bộ Khối Thử,,Đảng bộ Khối," + BLOC,
                "B1,Đảng ủy Bộ Một,K,Đảng bộ cấp trên cơ sở,\"" + C1_A + "; " + C1_B + "\"",
                "B1a,Chi bộ Vụ Một,B1,Chi bộ,",
                "B2,Đảng ủy Bộ Hai,K,Đảng bộ cấp trên cơ sở," + C2,
                "B3,Đảng ủy Bộ Ba,K,Đảng bộ cấp trên cơ sở,");
        write(inbox.resolve("bo-mot/kiem-tra-2014.csv"),
                "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra",
                "B1,01-QĐ/UBKT,10/01/2014,Tổ chức đảng,Chi bộ Vụ Một,Chấp hành",
                "Chi bộ Vụ Một,02-QĐ/UBKT,31/02/2014,Đảng viên,Nguyễn Văn An,Khi có dấu hiệu vi phạm",
                "B1a,03-QĐ/UBKT,15/03/2014,Đảng viên,Lê Văn Cường,Chấp hành",
                "Vụ Không Có,04-QĐ/UBKT,16/03/2014,Đảng viên,Phạm Thị Dung,Chấp hành");
        write(inbox.resolve("bo-hai/kiem-tra-2014.csv"),
                "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra",
                "B2,01-QĐ/UBKT,12/02/2014,Đảng viên,Trần Thị Bình,Kiểm tra đột xuất",
                "B2,02-QĐ/UBKT,13/02/2014,Tổ chức đảng,Chi bộ Phòng Hai,Chấp hành");
        write(inbox.resolve("bo-ba/kiem-tra-2014.csv"),
                "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra",
                "B3,01-QĐ/UBKT,12/02/2014,Tổ chức đảng,Chi bộ Ba,Chấp hành");
        Path home = temp.resolve("home");

        Cli.Result first = NightlyRuns.nightly(home, mail(), "--inbox", inbox.toString(), "--as-of", "2014-08-01", "--format", "json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode summary = first.json();
        assertThat(summary.at("/steps").findValuesAsText("step")).endsWith("deliver", "rejects");
        Map<String, JsonNode> returned = new LinkedHashMap<>();
        summary.at("/rejects_returned").forEach(r -> returned.put(r.get("unit").asText(), r));
        assertThat(returned).containsOnlyKeys("B1", "B2");
        assertThat(returned.get("B1").get("status").asText()).isEqualTo("SENT");
        assertThat(returned.get("B1").get("rows").asLong()).isEqualTo(2);
        assertThat(returned.get("B2").get("rows").asLong()).isEqualTo(1);
        assertThat(summary.toString()).as("the operator's summary holds no member's name")
                .doesNotContain("Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung");

        Map<String, MimeMessage> byRecipients = mailsByRecipients();
        assertThat(byRecipients).as("one mail per office; the bloc none (no rejected row of its own files)")
                .containsOnlyKeys(C1_A + "," + C1_B, C2);

        Mails one = Mails.of(byRecipients.get(C1_A + "," + C1_B));
        assertThat(one.subject()).isEqualTo("Các dòng chưa nhập được trong sổ theo dõi của Đảng ủy Bộ Một");
        assertThat(one.body()).contains("Kính gửi Đảng ủy Bộ Một", "kiem-tra-2014.csv", "có 2 dòng chưa nhập được");
        assertThat(one.attachments()).hasSize(1);
        List<List<String>> rows = sheet(one.attachments().get(0).bytes(), 0);
        assertThat(rows.get(1)).containsExactly("Tệp", "Trang tính", "Dòng", "Loại sổ", "Cột", "Cần sửa", "Dòng như đã gõ");
        assertThat(rows).hasSize(2 + 2);
        assertThat(rows.get(2).subList(0, 5)).containsExactly("kiem-tra-2014.csv", "kiem-tra-2014.csv", "3", "Kiểm tra", "Ngày quyết định");
        assertThat(rows.get(2).get(5)).startsWith("Ngày 31/02/2014 không tồn tại");
        assertThat(rows.get(2).get(6)).as("the row as typed, with the name the office typed").contains("Nguyễn Văn An");
        assertThat(rows.get(3).get(2)).isEqualTo("5");
        assertThat(rows.get(3).get(5)).startsWith("Đơn vị \"Vụ Không Có\" không có trong danh mục đơn vị");
        assertThat(rows.get(3).get(6)).contains("Phạm Thị Dung");
        assertThat(String.join("|", rows.stream().flatMap(List::stream).toList())).as("only its own rows").doesNotContain("Trần Thị Bình");
        List<List<String>> units = sheet(one.attachments().get(0).bytes(), 1);
        assertThat(units).extracting(r -> r.get(0)).containsExactly("Mã đơn vị", "B1", "B1a");

        Mails two = Mails.of(byRecipients.get(C2));
        List<List<String>> rowsTwo = sheet(two.attachments().get(0).bytes(), 0);
        assertThat(rowsTwo).hasSize(2 + 1);
        assertThat(rowsTwo.get(2).get(4)).isEqualTo("Loại kiểm tra");
        assertThat(rowsTwo.get(2).get(5)).startsWith("\"Kiểm tra đột xuất\" ở cột \"Loại kiểm tra\" không phải giá trị được chấp nhận");
        assertThat(rowsTwo.get(2).get(6)).contains("Trần Thị Bình");
        assertThat(String.join("|", rowsTwo.stream().flatMap(List::stream).toList())).doesNotContain("Nguyễn Văn An", "Phạm Thị Dung");

        Cli.Result second = NightlyRuns.nightly(home, mail(), "--inbox", inbox.toString(), "--as-of", "2014-08-02", "--format", "json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(mailsByRecipients()).as("the second night sends nothing").hasSize(2);
        assertThat(smtp.getReceivedMessages()).as("one copy per address: two for the first committee, one for the second").hasSize(3);

        // the first committee fixes its two rows and sends its register again, whole
        write(inbox.resolve("bo-mot/kiem-tra-2014-sua.csv"),
                "Đơn vị,Số quyết định,Ngày quyết định,Đối tượng,Tên đối tượng,Loại kiểm tra",
                "B1,01-QĐ/UBKT,10/01/2014,Tổ chức đảng,Chi bộ Vụ Một,Chấp hành",
                "Chi bộ Vụ Một,02-QĐ/UBKT,28/02/2014,Đảng viên,Nguyễn Văn An,Khi có dấu hiệu vi phạm",
                "B1a,03-QĐ/UBKT,15/03/2014,Đảng viên,Lê Văn Cường,Chấp hành",
                "B1a,04-QĐ/UBKT,16/03/2014,Đảng viên,Phạm Thị Dung,Chấp hành");
        Cli.Result third = NightlyRuns.nightly(home, mail(), "--inbox", inbox.toString(), "--as-of", "2014-08-03", "--format", "json");
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.json().at("/files/ingested").asInt()).isEqualTo(1);
        assertThat(third.json().at("/rejects_returned")).as("the fixed rows are gone from the list").isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(Files.readString(home.resolve("outbox/rejects-returned.json"))).as("the ledger holds no row")
                .doesNotContain("Nguyễn Văn An", "Trần Thị Bình");

        // the operator sees it: the first night's summary per office and per unit, and the history
        String text;
        try (var runs = Files.list(home.resolve("runs"))) {
            text = Files.readString(runs.filter(f -> f.getFileName().toString().endsWith("-run-1.txt")).findFirst().orElseThrow());
        }
        assertThat(text).contains("REJECTED ROWS RETURNED TO OFFICES").containsPattern("B1 Đảng ủy Bộ Một +2 rows  SENT  to " + C1_A + "," + C1_B)
                .containsPattern("B2 Đảng ủy Bộ Hai +1 rows  SENT  to " + C2)
                .containsPattern("\\n  B1 +0 reports +2 rejected rows returned").doesNotContain("Nguyễn Văn An");
        JsonNode history = Cli.run("--home", home.toString(), "history", "--format", "json").json();
        assertThat(history.at("/runs/2/run").asLong()).isEqualTo(1);
        assertThat(history.at("/runs/2/rejects_returned").asInt()).isEqualTo(2);
        assertThat(history.at("/runs/1/rejects_returned").asInt()).isZero();
    }

    /** Each mail received (GreenMail keeps a copy per recipient) by its recipient list, each list once. */
    Map<String, MimeMessage> mailsByRecipients() throws Exception {
        Map<String, MimeMessage> byRecipients = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = Arrays.stream(message.getAllRecipients()).map(Address::toString).sorted().collect(Collectors.joining(","));
            String previous = ids.put(to, message.getMessageID());
            assertThat(previous == null || previous.equals(message.getMessageID())).as("one mail to %s", to).isTrue();
            byRecipients.put(to, message);
        }
        return byRecipients;
    }

    /** A sheet's rows as text (numbers as typed). */
    static List<List<String>> sheet(byte[] xlsx, int index) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheets().toList().get(index);
            try (var stream = sheet.openStream()) {
                stream.forEach(row -> rows.add(row.stream().map(c -> c == null || c.getText() == null ? "" : c.getText()).toList()));
            }
        }
        return rows;
    }
}
