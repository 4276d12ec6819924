package vn.inspection.pipeline.cli;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as Vietnamese reports write them: 2.528 and 14,4% (English: 2,528 and 14.4%). */
final class VietnameseNumbers {
    private final String language;

    VietnameseNumbers(String language) {
        this.language = language;
    }

    private DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        boolean vi = !"en".equals(language);
        symbols.setGroupingSeparator(vi ? '.' : ',');
        symbols.setDecimalSeparator(vi ? ',' : '.');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols);
    }

    String count(long n) {
        return format("#,##0").format(n);
    }

    String signed(long n) {
        return (n > 0 ? "+" : "") + count(n);
    }

    String percent(BigDecimal change) {
        if (change == null) {
            return "–";
        }
        return (change.signum() > 0 ? "+" : "") + format("#,##0.0").format(change) + "%";
    }
}
