package vn.inspection.pipeline.nightly;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports per unit ({@code pipeline.unit-reports.*}): besides the bloc-wide report mailed to
 * {@code pipeline.delivery.mail.to}, the nightly renders each due report for every unit that has an address in the units
 * reference (its own subtree, titled for it) and mails it to that address, once per period pair and recipient list.
 *
 * @param enabled whether units with an address are served (default true)
 * @param depths  the levels served, as depths in the unit tree: 0 the bloc, 1 its direct subordinates, 2 the units
 *                below those…; empty (the default): every level. {@code 0,1} serves the bloc and its direct subordinates
 */
@ConfigurationProperties("pipeline.unit-reports")
public record UnitReportsProperties(@DefaultValue("true") boolean enabled, List<Integer> depths) {
    public UnitReportsProperties {
        depths = depths == null ? List.of() : List.copyOf(depths);
        for (Integer depth : depths) {
            if (depth == null || depth < 0) {
                throw new IllegalArgumentException("pipeline.unit-reports.depths: " + depth + " is not a depth (0 the bloc, 1 its direct subordinates, …)");
            }
        }
    }

    /** Whether a unit at this depth is served. */
    public boolean serves(int depth) {
        return enabled && (depths.isEmpty() || depths.contains(depth));
    }
}
