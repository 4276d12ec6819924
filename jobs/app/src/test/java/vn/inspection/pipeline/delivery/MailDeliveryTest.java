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
}
