package vn.inspection.pipeline.report;

import java.util.List;
import java.util.Objects;

import vn.inspection.pipeline.schema.Label;

/**
 * The frame of a party document (Hướng dẫn 36-HD/VPTW, 2018) around a report, as a commission configures it in its
 * report spec's {@code "document"} object: the national header, the issuing body (its parent line and its own name),
 * the number and symbol ("Số 15-BC/UBKT"), the place of the date line, the document type, the signer and the
 * recipients ("Nơi nhận"). Every field has a default that makes the samples' report right.
 *
 * @param nation     the national header, top right ("ĐẢNG CỘNG SẢN VIỆT NAM")
 * @param parent     the issuing body's parent line, top left; null: the name of the unit reported on (the top unit of
 *                   the units reference for a report on every unit), in capitals
 * @param body       the issuing body ("ỦY BAN KIỂM TRA")
 * @param number     the document's number; empty leaves room for the clerk to write it
 * @param symbol     the symbol after the number ("BC/UBKT")
 * @param place      the place of the date line ("Hà Nội")
 * @param type       the document type above the title ("BÁO CÁO")
 * @param signerFor  the line above the signer's title ("T/M ỦY BAN KIỂM TRA"), empty for none
 * @param signerTitle the signer's title ("CHỦ NHIỆM")
 * @param signerName the signer's name, empty to be written by hand
 * @param recipients the "Nơi nhận" list, in order; the last is usually the file copy ("Lưu UBKT")
 */
public record DocumentFrame(Label nation, Label parent, Label body, String number, String symbol, Label place, Label type, Label signerFor,
                            Label signerTitle, String signerName, List<Label> recipients) {

    /** The defaults: the provincial or bloc inspection commission of the samples. */
    public static final DocumentFrame DEFAULT = new DocumentFrame(
            new Label("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIET NAM"),
            null,
            new Label("ỦY BAN KIỂM TRA", "INSPECTION COMMISSION"),
            "",
            "BC/UBKT",
            new Label("Hà Nội", "Ha Noi"),
            new Label("BÁO CÁO", "REPORT"),
            new Label("T/M ỦY BAN KIỂM TRA", "FOR THE INSPECTION COMMISSION"),
            new Label("CHỦ NHIỆM", "CHAIR"),
            "",
            List.of(new Label("Ủy ban Kiểm tra Trung ương", "The Central Inspection Commission"),
                    new Label("Thường trực cấp ủy", "The standing committee of the party committee"),
                    new Label("Lưu UBKT", "File copy (the commission)")));

    public DocumentFrame {
        Objects.requireNonNull(nation, "nation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signerFor, "signerFor");
        Objects.requireNonNull(signerTitle, "signerTitle");
        Objects.requireNonNull(signerName, "signerName");
        recipients = List.copyOf(recipients);
    }

    /** "Số 15-BC/UBKT", or "Số      -BC/UBKT" with room for the clerk when no number is set. */
    public String numberLine(boolean vietnamese) {
        String n = number.isBlank() ? "\u2002\u2002\u2002\u2002" : number.strip();
        return (vietnamese ? "Số " : "No. ") + n + "-" + symbol;
    }
}
