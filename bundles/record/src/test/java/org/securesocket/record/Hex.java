package org.securesocket.record;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    /** Parses hex with any whitespace in it. */
    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
