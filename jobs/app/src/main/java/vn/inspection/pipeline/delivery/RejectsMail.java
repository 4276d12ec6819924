package vn.inspection.pipeline.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails an office its own rejected rows: a short letter in Vietnamese and the workbook ({@link RejectsWorkbook})
 * attached, from the reports' sender address, through the same mail server. The Message-ID is derived from the files
 * and the recipients, so a mail sent again after a crash is recognisably the same mail. One attempt a night: a mail
 * that fails is tried again by the next run (the ledger keeps it pending).
 */
public final class RejectsMail {
    /** The attachment's name. */
    public static final String ATTACHMENT = "dong-chua-nhap-duoc.xlsx";

    private final JavaMailSender sender;
    private final DeliveryProperties.Mail settings;
    private final Clock clock;

    /** @param sender the mail sender, or null when no mail server is configured */
    public RejectsMail(JavaMailSender sender, DeliveryProperties.Mail settings, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a mail server and a sender address are configured. */
    public boolean available() {
        return sender != null && from() != null;
    }

    /** The letter's subject. */
    public static String subject(String unitName, int files) {
        return "Các dòng chưa nhập được trong " + (files == 1 ? "sổ theo dõi" : files + " sổ theo dõi") + " của " + unitName;
    }

    /** Sends the mail; returns its Message-ID. */
    public String send(List<String> to, String unitName, List<String> fileNames, long rows, byte[] workbook, String identity)
            throws MessagingException {
        String messageId = messageId(identity, to);
        MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new FixedIdMessage(impl.getSession(), messageId) : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject(unitName, fileNames.size()));
        helper.setText(body(unitName, fileNames, rows), false);
        helper.setSentDate(java.util.Date.from(Instant.now(clock)));
        helper.addAttachment(ATTACHMENT, new ByteArrayResource(workbook), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        sender.send(message);
        return messageId;
    }

    static String body(String unitName, List<String> fileNames, long rows) {
        return "Kính gửi " + unitName + ",\n\n"
                + "Khi nhập " + (fileNames.size() == 1 ? "sổ theo dõi " : "các sổ theo dõi ") + String.join(", ", fileNames)
                + " do đơn vị gửi, có " + rows + " dòng chưa nhập được. Tệp đính kèm " + ATTACHMENT + " liệt kê từng dòng: tệp, trang tính "
                + "và số dòng trong tệp của đơn vị, cột cần sửa và cách sửa; trang \"Đơn vị\" ghi mã và tên các đơn vị được dùng trong sổ.\n\n"
                + "Xin đơn vị sửa các dòng này trong sổ và gửi lại cả tệp; các dòng đã nhập sẽ không bị tính hai lần.\n"
                + "Thư này do hệ thống gửi tự động; xin đừng trả lời thư này.\n";
    }

    private String from() {
        if (settings.from() != null && !settings.from().isBlank()) {
            return settings.from().strip();
        }
        if (sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null && impl.getUsername().contains("@")) {
            return impl.getUsername();
        }
        return null;
    }

    static String messageId(String identity, List<String> to) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((identity + "\n" + DeliveryLedger.recipientsKey(to)).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".rejects@inspection-pipeline>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message whose Message-ID is set, not generated when it is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
