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

/**
 * A received mail taken apart: its plain-text body, its HTML body, its inline images (by Content-ID), its attachments
 * (the PDF's text read back with PDFBox), and its structure: the content types as a tree,
 * "multipart/mixed[multipart/related[multipart/alternative[text/plain,text/html],image/png],application/pdf]".
 */
record Mails(String subject, String messageId, String body, String html, List<Inline> inlines, List<Attachment> attachments, String structure) {

    record Inline(String contentId, String contentType, byte[] bytes) {
    }

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
        StringBuilder html = new StringBuilder();
        StringBuilder structure = new StringBuilder();
        List<Inline> inlines = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        walk(message, body, html, structure, inlines, attachments);
        return new Mails(message.getSubject(), message.getMessageID(), body.toString(), html.toString(), inlines, attachments, structure.toString());
    }

    private static void walk(Part part, StringBuilder body, StringBuilder html, StringBuilder structure, List<Inline> inlines,
                             List<Attachment> attachments) throws Exception {
        structure.append(part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT));
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            structure.append('[');
            for (int i = 0; i < multipart.getCount(); i++) {
                structure.append(i == 0 ? "" : ",");
                walk(multipart.getBodyPart(i), body, html, structure, inlines, attachments);
            }
            structure.append(']');
        } else if (Part.INLINE.equalsIgnoreCase(part.getDisposition()) && part instanceof jakarta.mail.internet.MimeBodyPart inline
                && inline.getContentID() != null) {
            // an inline image may have a name too: its Content-ID makes it part of the HTML, not an attachment
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            inlines.add(new Inline(inline.getContentID(), part.getContentType(), bytes.toByteArray()));
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            attachments.add(new Attachment(part.getFileName(), part.getContentType(), bytes.toByteArray()));
        } else if (part.isMimeType("text/plain")) {
            body.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        }
    }
}
