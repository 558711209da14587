package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;

class HostnameVerifierTest {

    @Test
    void dnsNamesMatchCaseInsensitivelyAsAscii() {
        assertTrue(HostnameVerifier.dnsMatches("example.com", "example.com"));
        assertFalse(HostnameVerifier.dnsMatches("exa_mple.com", "exa_mple.com"), "an invalid presented name never matches");
        assertFalse(HostnameVerifier.dnsMatches("example.com", "www.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("www.example.com", "example.com"));
        assertTrue(HostnameVerifier.dnsMatches("xn--bcher-kva.example", "xn--bcher-kva.example"));
        Certificate c = TestPki.leaf("Example.COM", TestPki.root("Root")).dns("xn--bcher-kva.example").issue();
        assertTrue(HostnameVerifier.matches(c, "EXAMPLE.com"));
        assertTrue(HostnameVerifier.matches(c, "example.com."));
        assertTrue(HostnameVerifier.matches(c, "xn--bcher-kva.example"));
        assertFalse(HostnameVerifier.matches(c, "b\u00fccher.example"), "U-labels are not compared");
    }

    @Test
    void wildcardsAreOneWholeLeftMostLabel() {
        assertTrue(HostnameVerifier.dnsMatches("*.example.com", "www.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("*.example.com", "example.com"));
        assertFalse(HostnameVerifier.dnsMatches("*.example.com", "a.b.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("w*.example.com", "www.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("*w.example.com", "www.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("www.*.com", "www.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("*.*.example.com", "a.b.example.com"));
        assertFalse(HostnameVerifier.dnsMatches("*.com", "example.com"), "no wildcard over a public-suffix-like name");
        assertFalse(HostnameVerifier.dnsMatches("*", "example"));
    }

    @Test
    void ipAddressesMatchOnlyIpAddressEntries() {
        Certificate c = TestPki.leaf("host.example", TestPki.root("Root")).ip("192.0.2.7").ip("2001:db8::1")
                .dns("10.0.0.1").issue();
        assertTrue(HostnameVerifier.matches(c, "192.0.2.7"));
        assertTrue(HostnameVerifier.matches(c, "2001:DB8:0:0:0:0:0:1"));
        assertTrue(HostnameVerifier.matches(c, "[2001:db8::1]"));
        assertFalse(HostnameVerifier.matches(c, "192.0.2.8"));
        assertFalse(HostnameVerifier.matches(c, "10.0.0.1"), "an IP is never matched against a dNSName");
        assertFalse(HostnameVerifier.matches(c, "192.000.002.007"), "no leading zeros");
    }

    @Test
    void theCommonNameIsNeverUsed() {
        Certificate noSan = TestPki.root("example.com").issue();
        assertEquals(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH,
                assertThrows(org.securesocket.common.TlsException.class,
                        () -> HostnameVerifier.verify(noSan, "example.com")).code());
    }
}
