package org.securesocket.handshake;

/**
 * The optional extensions a client may ask for beyond the policy's.
 *
 * @param maxFragmentLength the max_fragment_length to request (RFC 6066 section 4): 512, 1024, 2048 or
 *                          4096 bytes of record content each way, or 0 for none
 * @param statusRequest     whether to ask for a stapled OCSP response (RFC 6066 section 8); the response
 *                          is exposed on the session, not validated yet
 */
public record ClientExtensions(int maxFragmentLength, boolean statusRequest) {
    /** Nothing requested. */
    public static final ClientExtensions NONE = new ClientExtensions(0, false);

    public ClientExtensions {
        if (maxFragmentLength != 0 && (maxFragmentLength < 512 || maxFragmentLength > 4096
                || Integer.bitCount(maxFragmentLength) != 1)) {
            throw new IllegalArgumentException("max_fragment_length must be 512, 1024, 2048 or 4096 (RFC 6066 section"
                    + " 4), or 0 for none: " + maxFragmentLength);
        }
    }

    /**
     * The original's rule for {@code tls_max_fragment_length}: the largest power of two not above
     * {@code value}, clamped to 512..4096; 0 or less requests nothing.
     */
    public static int maxFragmentLengthFor(int value) {
        return value <= 0 ? 0 : Math.max(512, Math.min(4096, Integer.highestOneBit(value)));
    }

    public ClientExtensions withMaxFragmentLength(int value) {
        return new ClientExtensions(value, statusRequest);
    }

    public ClientExtensions withStatusRequest(boolean value) {
        return new ClientExtensions(maxFragmentLength, value);
    }

    /** The max_fragment_length code of RFC 6066 section 4 (1 for 2^9 ... 4 for 2^12); 0 when none is requested. */
    public int maxFragmentLengthCode() {
        return maxFragmentLength == 0 ? 0 : Integer.numberOfTrailingZeros(maxFragmentLength) - 8;
    }
}
