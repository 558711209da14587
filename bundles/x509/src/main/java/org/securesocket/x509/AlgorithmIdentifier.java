package org.securesocket.x509;

import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;

/**
 * AlgorithmIdentifier (RFC 5280 section 4.1.1.2): the algorithm and its raw parameters.
 *
 * @param oid        the algorithm, dotted
 * @param parameters the encoded parameters element, or null when absent
 * @param encoded    the whole encoding, which RFC 5280 requires to match between tbsCertificate
 *                   and the outer certificate
 */
public record AlgorithmIdentifier(String oid, byte[] parameters, byte[] encoded) {

    /** Reads one AlgorithmIdentifier. */
    public static AlgorithmIdentifier read(DerReader in, String what) throws TlsException {
        byte[] encoded = in.readElement(what);
        DerReader seq = new DerReader(encoded, in.errorCode()).readSequence(what);
        String oid = seq.readOid(what + " algorithm");
        byte[] params = seq.hasRemaining() ? seq.readElement(what + " parameters") : null;
        seq.expectEnd(what);
        return new AlgorithmIdentifier(oid, params, encoded);
    }

    /** Whether the parameters are absent or an explicit NULL. */
    public boolean parametersAbsentOrNull() {
        return parameters == null || Arrays.equals(parameters, new byte[] {0x05, 0x00});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlgorithmIdentifier a && Arrays.equals(encoded, a.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return oid;
    }
}
