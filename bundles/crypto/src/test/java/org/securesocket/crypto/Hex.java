package org.securesocket.crypto;

import java.util.HexFormat;

/** Hex helpers for test vectors. */
public final class Hex {
    private Hex() {
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
