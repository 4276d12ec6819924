package vn.inspection.pipeline.nightly;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A received mail taken apart: its plain-text body and its attachments, the PDF's text read back with PDFBox. */
record Mails(String subject, String messageId, String body, List<Attachment> attachments) {

    record Attachment(String fileName, String contentType, byte[] bytes) {
        String pdfText() throws Exception {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(document);
            }
        }

        int pdfPages() throws Exception {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return document.getNumberOfPages();
            }
        }
    }

    static Mails of(MimeMessage message) throws Exception {
        StringBuilder body = new StringBuilder();
        List<Attachment> attachments = new ArrayList<>();
        walk(message, body, attachments);
        return new Mails(message.getSubject(), message.getMessageID(), body.toString(), attachments);
    }

    private static void walk(Part part, StringBuilder body, List<Attachment> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            attachments.add(new Attachment(part.getFileName(), part.getContentType(), bytes.toByteArray()));
        } else if (part.isMimeType("text/plain")) {
            body.append(part.getContent());
        }
    }
}
