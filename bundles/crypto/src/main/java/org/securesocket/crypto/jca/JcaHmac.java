package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hmac;

/** A keyed {@link Mac}; {@code doFinal} resets it for the next message with the same key. */
final class JcaHmac implements Hmac {
    private final HashAlgorithm algorithm;
    private final Mac mac;

    JcaHmac(HashAlgorithm algorithm, Mac mac) {
        this.algorithm = algorithm;
        this.mac = mac;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int length() {
        return algorithm.outputLength();
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        mac.update(data);
    }

    @Override
    public void doFinal(byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for a " + length() + "-byte MAC at offset " + offset, e);
        }
    }
}
