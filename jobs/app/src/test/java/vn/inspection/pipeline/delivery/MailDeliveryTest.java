package vn.inspection.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/** Which SMTP errors are worth another attempt, and the configuration mistakes refused before a run relies on them. */
class MailDeliveryTest {
    static DeliveryProperties.Mail mail(List<String> to, String from) {
        return new DeliveryProperties.Mail(to, from, null, null, null, new DeliveryProperties.Retry(3, Duration.ofSeconds(5), 3, Duration.ofMinutes(2)));
    }

    @Test
    void retriesAServerThatCannotBeReachedButNotAWrongPasswordOrARefusedAddress() throws Exception {
        MailSendException unreachable = new MailSendException("Mail server connection failed", new java.net.ConnectException("Connection refused"));
        MailSendException refused = new MailSendException(Map.of(new Object(),
                new SendFailedException("Invalid Addresses", null, new InternetAddress[0], new InternetAddress[0],
                        new InternetAddress[] {new InternetAddress("nobody@vanxuan.example")})));

        assertThat(MailDelivery.mayPass(unreachable)).isTrue();
        assertThat(MailDelivery.mayPass(new MailAuthenticationException("535 Authentication failed"))).isFalse();
        assertThat(MailDelivery.mayPass(refused)).isFalse();
        assertThat(MailDelivery.mayPass(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void mailOffNeedsNothingConfigured() {
        MailDelivery delivery = new MailDelivery(null, mail(List.of(), null), Clock.systemUTC());

        delivery.validate();
        assertThat(delivery.enabled()).isFalse();
    }

    @Test
    void recipientsNeedASenderAndAddressesThatAreAddresses() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");

        assertThatThrownBy(() -> new MailDelivery(sender, mail(List.of("ubkt@vanxuan.example"), null), Clock.systemUTC()).validate())
                .hasMessage("pipeline.delivery.mail.from is not set: give the address the reports are mailed from");
        assertThatThrownBy(() -> new MailDelivery(sender, mail(List.of("ubkt@vanxuan.example", "lãnh đạo"), "p@vanxuan.example"), Clock.systemUTC()).validate())
                .hasMessageStartingWith("pipeline.delivery.mail.to: 'lãnh đạo' is not an e-mail address");
        sender.setUsername("pipeline@vanxuan.example");
        new MailDelivery(sender, mail(List.of("ubkt@vanxuan.example"), null), Clock.systemUTC()).validate(); // the login is the sender
    }

    @Test
    void theSameReportToTheSameListHasTheSameMessageId() {
        MailDelivery a = new MailDelivery(null, mail(List.of("b@x.vn", "a@x.vn"), "p@x.vn"), Clock.systemUTC());
        MailDelivery b = new MailDelivery(null, mail(List.of("A@x.vn", "b@x.vn"), "p@x.vn"), Clock.systemUTC());
        MailDelivery other = new MailDelivery(null, mail(List.of("c@x.vn"), "p@x.vn"), Clock.systemUTC());
        DeliveryLedger.Entry entry = MailTextTest.entry("vi");

        assertThat(a.messageId(entry)).isEqualTo(b.messageId(entry)).matches("<[0-9a-f]{32}\\.half-year@inspection-pipeline>");
        assertThat(other.messageId(entry)).isNotEqualTo(a.messageId(entry));
    }

    @Test
    void sendsHtmlWithTheChartInlineAPlainTextAlternativeAndThePdfAttached(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(port);
            java.nio.file.Path pdf = temp.resolve("half-year_2014-H1_vs_2013-H1.pdf");
            java.nio.file.Files.write(pdf, "%PDF-1.7 a report".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            MailDelivery delivery = new MailDelivery(sender, mail(List.of("ubkt@vanxuan.example"), "pipeline@vanxuan.example"), Clock.systemUTC());

            delivery.send(MailTextTest.entry("vi"), pdf, 1);

            jakarta.mail.internet.MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            jakarta.mail.internet.MimeMessage message = received[0];
            // mixed: [related: [alternative: [text/plain, text/html], image/png inline], application/pdf attached]
            assertThat(message.getContentType()).startsWith("multipart/mixed");
            jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) message.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            jakarta.mail.BodyPart related = mixed.getBodyPart(0);
            assertThat(related.getContentType()).startsWith("multipart/related");
            jakarta.mail.Multipart relatedParts = (jakarta.mail.Multipart) related.getContent();
            assertThat(relatedParts.getCount()).isEqualTo(2);
            jakarta.mail.BodyPart alternative = relatedParts.getBodyPart(0);
            assertThat(alternative.getContentType()).startsWith("multipart/alternative");
            jakarta.mail.Multipart texts = (jakarta.mail.Multipart) alternative.getContent();
            assertThat(texts.getCount()).isEqualTo(2);
            assertThat(texts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
            assertThat(texts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
            String plain = (String) texts.getBodyPart(0).getContent();
            String html = (String) texts.getBodyPart(1).getContent();
            assertThat(plain).contains("- Tổ chức đảng được kiểm tra: 423 (6 tháng đầu năm 2013: 401; +5,5%)").doesNotContain("<");
            assertThat(html).contains("<img src=\"cid:" + MailDelivery.CHART_ID + "\"").contains(">Tổ chức đảng được kiểm tra</td>");
            jakarta.mail.internet.MimeBodyPart image = (jakarta.mail.internet.MimeBodyPart) relatedParts.getBodyPart(1);
            assertThat(image.getContentType()).startsWith("image/png");
            assertThat(image.getContentID()).isEqualTo("<" + MailDelivery.CHART_ID + ">");
            assertThat(image.getDisposition()).isEqualTo(jakarta.mail.Part.INLINE);
            java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(image.getInputStream());
            assertThat(chart.getWidth()).isEqualTo(2 * vn.inspection.pipeline.report.ChartData.WIDTH);
            jakarta.mail.BodyPart attached = mixed.getBodyPart(1);
            assertThat(attached.getContentType()).startsWith("application/pdf");
            assertThat(attached.getDisposition()).isEqualTo(jakarta.mail.Part.ATTACHMENT);
            assertThat(attached.getFileName()).isEqualTo("half-year_2014-H1_vs_2013-H1.pdf");
            assertThat(attached.getInputStream().readAllBytes()).isEqualTo(java.nio.file.Files.readAllBytes(pdf));
        } finally {
            smtp.stop();
        }
    }
}
