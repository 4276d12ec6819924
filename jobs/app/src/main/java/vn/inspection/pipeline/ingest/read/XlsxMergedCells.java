package vn.inspection.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The merged cells of one worksheet of an .xlsx package. fastexcel-reader (0.19) streams the cells but not
 * the {@code <mergeCells>} element, which the format puts after the sheet's data: this reads it with one
 * pass over the worksheet part, matching bytes only (no XML parse of the data), before the rows are streamed.
 * The part is found through the package's relationships, as Excel itself finds it.
 */
final class XlsxMergedCells {
    /** More merged cells than any register has; a hostile file cannot make the list grow without end. */
    static final int MAX_REGIONS = 200_000;
    private static final byte[] TAG = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("\\bref\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final String OFFICE_DOCUMENT = "/officeDocument";

    private XlsxMergedCells() {
    }

    /** The merged cells of the sheet whose workbook relationship id is {@code relationshipId}; empty when it has none. */
    static List<VerticalMerges.Region> read(ZipFile zip, String relationshipId) throws IOException {
        String workbook = target(zip, "_rels/.rels", null, OFFICE_DOCUMENT, "");
        if (workbook == null) {
            workbook = "xl/workbook.xml";
        }
        String folder = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        String rels = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
        String sheet = target(zip, rels, relationshipId, null, folder);
        if (sheet == null) {
            return List.of();
        }
        ZipEntry entry = zip.getEntry(sheet);
        if (entry == null) {
            return List.of();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return scan(in);
        }
    }

    /** Finds {@code <mergeCell ref="…"/>} tags (with or without a namespace prefix) in the part's bytes. */
    static List<VerticalMerges.Region> scan(InputStream stream) throws IOException {
        Bytes in = new Bytes(stream);
        List<VerticalMerges.Region> regions = new ArrayList<>();
        int matched = 0;
        int before = 0;
        int previous = 0;
        for (int b; (b = in.next()) >= 0; previous = b) {
            if (matched == TAG.length) {
                matched = 0;
                if ((before == '<' || before == ':') && (b == ' ' || b == '\t' || b == '\r' || b == '\n')) {
                    String tag = tagRest(in);
                    Matcher ref = REF.matcher(tag);
                    if (ref.find()) {
                        VerticalMerges.Region region = VerticalMerges.parse(ref.group(1));
                        if (region != null && regions.size() < MAX_REGIONS) {
                            regions.add(region);
                        }
                    }
                    continue;
                }
            }
            if (b == TAG[matched]) {
                if (matched == 0) {
                    before = previous;
                }
                matched++;
            } else {
                matched = b == TAG[0] ? 1 : 0;
                before = previous;
            }
        }
        return regions;
    }

    private static String tagRest(Bytes in) throws IOException {
        StringBuilder tag = new StringBuilder(48);
        for (int b; (b = in.next()) >= 0 && b != '>' && tag.length() < 512; ) {
            tag.append((char) b);
        }
        return tag.toString();
    }

    /**
     * The part's bytes one at a time from a block read ahead: a sheet of a million rows is hundreds of megabytes,
     * and a call to a (synchronized) buffered stream per byte cost a third of an .xlsx ingest.
     */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] block = new byte[1 << 16];
        private int position;
        private int length;

        Bytes(InputStream in) {
            this.in = in;
        }

        int next() throws IOException {
            if (position == length) {
                int read = in.read(block, 0, block.length);
                if (read <= 0) {
                    return -1;
                }
                length = read;
                position = 0;
            }
            return block[position++] & 0xFF;
        }
    }

    /** The target of a relationship (by id, or by the end of its type), resolved against {@code folder}. */
    private static String target(ZipFile zip, String relsName, String id, String typeSuffix, String folder) throws IOException {
        ZipEntry entry = zip.getEntry(relsName);
        if (entry == null) {
            return null;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                        String relId = xml.getAttributeValue(null, "Id");
                        String type = xml.getAttributeValue(null, "Type");
                        boolean wanted = id != null ? id.equals(relId) : type != null && type.endsWith(typeSuffix);
                        if (wanted) {
                            return resolve(folder, xml.getAttributeValue(null, "Target"));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("unreadable relationships " + relsName + ": " + e.getMessage(), e);
        }
        return null;
    }

    private static String resolve(String folder, String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        List<String> parts = new ArrayList<>(List.of((folder + target).split("/")));
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                out.add(part);
            }
        }
        return String.join("/", out);
    }
}
