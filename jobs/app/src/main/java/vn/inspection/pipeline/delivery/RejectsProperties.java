package vn.inspection.pipeline.delivery;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of returning rejected rows to the offices that sent them ({@code pipeline.rejects.*}).
 *
 * @param returnToOffices  whether the nightly mails each office its own rejected rows (default true; it needs a mail
 *                         server, {@code spring.mail.*}, and a sender, {@code pipeline.delivery.mail.from})
 * @param folderAddresses  addresses per inbox folder, for offices whose unit has no address in the units reference, or
 *                         whose files should go elsewhere: {@code FOLDER=ADDRESS[;ADDRESS…]}, several separated by commas
 *                         ({@code bo-mot=vanthu@bomot.example;ubkt@bomot.example, cuc-hai=vanthu@cuchai.example}); a file
 *                         whose folder ends with FOLDER goes to those addresses
 */
@ConfigurationProperties("pipeline.rejects")
public record RejectsProperties(@DefaultValue("true") boolean returnToOffices, List<String> folderAddresses) {

    public RejectsProperties {
        folderAddresses = folderAddresses == null ? List.of() : folderAddresses.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String item : folderAddresses) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("pipeline.rejects.folder-addresses: '" + item
                        + "' is not FOLDER=ADDRESS (e.g. bo-mot=vanthu@bomot.example)");
            }
        }
    }

    /** Folder → its addresses, in the order configured. */
    public Map<String, List<String>> folders() {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (String item : folderAddresses) {
            int eq = item.indexOf('=');
            folders.put(item.substring(0, eq).strip(), Arrays.stream(item.substring(eq + 1).split(";")).map(String::strip)
                    .filter(a -> !a.isEmpty()).toList());
        }
        return folders;
    }
}
