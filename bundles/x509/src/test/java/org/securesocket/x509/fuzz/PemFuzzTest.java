package org.securesocket.x509.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Transform;

/**
 * Feeds arbitrary bytes to the PEM and key transforms: as text (every byte one Latin-1 char, so
 * any input is reachable) to {@link Transform#pemToDer(String)} and
 * {@link Transform#privateKeyToPrivateKeyInfo(String)}, and as DER to
 * {@link Transform#privateKeyToPrivateKeyInfo(byte[])}.
 */
class PemFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void pemAndKeys(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        try {
            Transform.pemToDer(text);
        } catch (TlsException expected) {
            // refused with a code
        }
        try {
            Transform.privateKeyToPrivateKeyInfo(text);
        } catch (TlsException expected) {
            // refused with a code
        }
        try {
            Transform.privateKeyToPrivateKeyInfo(input);
        } catch (TlsException expected) {
            // refused with a code
        }
    }
}
