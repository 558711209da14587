package org.securesocket.x509;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;

/** cRLDistributionPoints (RFC 5280 section 4.2.1.13): the fullName locations; revocation is not checked. */
final class CrlDistributionPoints {
    private CrlDistributionPoints() {
    }

    static List<GeneralName> read(DerReader v, String what) throws TlsException {
        DerReader s = v.readSequence(what);
        List<GeneralName> out = new ArrayList<>();
        int points = 0;
        while (s.hasRemaining()) {
            points++;
            DerReader dp = s.readSequence(what + " DistributionPoint");
            if (dp.nextIs(DerTag.contextConstructed(0))) {
                DerReader name = dp.readConstructed(DerTag.contextConstructed(0), what + " distributionPoint");
                if (name.nextIs(DerTag.contextConstructed(0))) {
                    out.addAll(GeneralName.readUntilEnd(name.readConstructed(DerTag.contextConstructed(0), what), what));
                } else {
                    name.readConstructed(DerTag.contextConstructed(1), what + " nameRelativeToCRLIssuer");
                }
                name.expectEnd(what + " distributionPoint");
            }
            if (dp.nextIs(DerTag.contextPrimitive(1))) {
                dp.readContents(DerTag.contextPrimitive(1), what + " reasons"); // [1] IMPLICIT BIT STRING
            }
            if (dp.nextIs(DerTag.contextConstructed(2))) {
                GeneralName.readUntilEnd(dp.readConstructed(DerTag.contextConstructed(2), what), what + " cRLIssuer");
            }
            dp.expectEnd(what + " DistributionPoint");
        }
        if (points == 0) {
            throw v.fail(what + ": empty");
        }
        return List.copyOf(out);
    }
}
