package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which names are IP literals, and so never sent as server_name (RFC 6066 section 3). */
class IpLiteralTest {

    @Test
    void addressesAreLiterals() {
        for (String name : new String[] {"127.0.0.1", "10.0.0.255", "::1", "fe80::1%eth0", "2001:db8::", "10"}) {
            assertTrue(SecureSocket.isIpLiteral(name), name);
        }
    }

    @Test
    void hostNamesAreNot() {
        for (String name : new String[] {"localhost", "", "1.2.3.example", "a1", "1-2.3", "example.com.", "１２"}) {
            assertFalse(SecureSocket.isIpLiteral(name), name);
        }
    }
}
