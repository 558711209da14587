package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.Transform;
import org.securesocket.x509.ValidatedPath;

/**
 * The x509 bundle registers the PathValidator service, bound to the TlsCrypto service, and its
 * transforms and validation work inside the framework. The chain is x509-limbo's
 * pathlen::ee-with-intermediate-pathlen-0 (C2SP/x509-limbo, Apache-2.0; valid 1970 to 2969).
 */
public class X509ServiceIT extends SecureSocketFramework {

    private static final String LEAF = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIB/DCCAaOgAwIBAgIUaqIBMEyp3DrkTUXbAXo0gImQxAIwCgYIKoZIzj0EAwIw\n"
            + "ZzE5MDcGA1UECwwwNDE2MTU4ODk2OTg4MjEzOTEwODQ3MDYwMzY5Nzc0NjQ2ODA1\n"
            + "NTk0NDk3NTk1NTU3MSowKAYDVQQDDCF4NTA5LWxpbWJvLWludGVybWVkaWF0ZS1w\n"
            + "YXRobGVuLTAwIBcNNzAwMTAxMDAwMDAxWhgPMjk2OTA1MDMwMDAwMDFaMBYxFDAS\n"
            + "BgNVBAMMC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGjWa\n"
            + "5GDIrnoRyrdUvvlRbF/Y8cDXkW7j8weAkod/CAk/jz39q/SwySfde5GecIOWjecq\n"
            + "lFLShWH+vM2L3CsjlKN8MHowHQYDVR0OBBYEFMpxJpf+10q5HiiAK84kna0cLjW7\n"
            + "MB8GA1UdIwQYMBaAFO8IXsnIox7CGI07yydKxUu0FHz+MAsGA1UdDwQEAwIHgDAT\n"
            + "BgNVHSUEDDAKBggrBgEFBQcDATAWBgNVHREEDzANggtleGFtcGxlLmNvbTAKBggq\n"
            + "hkjOPQQDAgNHADBEAiBMQydQfNwGjV8adEs5hOlUANG5UMYDm518bltSsiqUlwIg\n"
            + "M8iQw5ycbOXmJdX6VtuPq4jDI/1YbYd8IYHInjzrfBQ=\n"
            + "-----END CERTIFICATE-----\n";

    private static final String INTERMEDIATE = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIB/zCCAaagAwIBAgIUZp4Hi5N58opU0oS7wI++mSh3CL0wCgYIKoZIzj0EAwIw\n"
            + "GjEYMBYGA1UEAwwPeDUwOS1saW1iby1yb290MCAXDTcwMDEwMTAwMDAwMVoYDzI5\n"
            + "NjkwNTAzMDAwMDAxWjBnMTkwNwYDVQQLDDA0MTYxNTg4OTY5ODgyMTM5MTA4NDcw\n"
            + "NjAzNjk3NzQ2NDY4MDU1OTQ0OTc1OTU1NTcxKjAoBgNVBAMMIXg1MDktbGltYm8t\n"
            + "aW50ZXJtZWRpYXRlLXBhdGhsZW4tMDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA\n"
            + "BHc69glYaAlXdSi74sF28L7u4fIRX6/fIe7+vjNp8bkX2dtxP6huVCKQBR5d0u0J\n"
            + "4sn9LkYbZdcdx2c6v2548VyjezB5MBIGA1UdEwEB/wQIMAYBAf8CAQAwCwYDVR0P\n"
            + "BAQDAgIEMBYGA1UdEQQPMA2CC2V4YW1wbGUuY29tMB8GA1UdIwQYMBaAFGVPuOGF\n"
            + "e7nq4BO63M0swvtnuWR4MB0GA1UdDgQWBBTvCF7JyKMewhiNO8snSsVLtBR8/jAK\n"
            + "BggqhkjOPQQDAgNHADBEAiAXLnC0uiSyc7UxAxTIW2bKHzoar78Paj036c7U+Lhi\n"
            + "ngIgIdNe6BBj38v95ULP0xNOtVfDrCxNDdrBDHCNgBsZc9U=\n"
            + "-----END CERTIFICATE-----\n";

    private static final String ROOT = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIBjzCCATWgAwIBAgIUSOU12SKcbFNLctwWjTPom7O7uKUwCgYIKoZIzj0EAwIw\n"
            + "GjEYMBYGA1UEAwwPeDUwOS1saW1iby1yb290MCAXDTcwMDEwMTAwMDAwMVoYDzI5\n"
            + "NjkwNTAzMDAwMDAxWjAaMRgwFgYDVQQDDA94NTA5LWxpbWJvLXJvb3QwWTATBgcq\n"
            + "hkjOPQIBBggqhkjOPQMBBwNCAAQLi8tjReqy0yXq2U/TFnJH5WgkocrdoT5lJpSP\n"
            + "lXcGLoDQ1VVuH1goIbaRWQEPqfsymCJDln/nhQQqpv+29mhFo1cwVTAPBgNVHRMB\n"
            + "Af8EBTADAQH/MAsGA1UdDwQEAwICBDAWBgNVHREEDzANggtleGFtcGxlLmNvbTAd\n"
            + "BgNVHQ4EFgQUZU+44YV7uergE7rczSzC+2e5ZHgwCgYIKoZIzj0EAwIDSAAwRQIg\n"
            + "efHKFUa+pgfQgYRaXqaFNltW+u3BffkOSlFVSgDMd14CIQDjxt8HrNeDZT0nmJW+\n"
            + "ucFq6LV/QDpPuLU+v7A0eUGIQg==\n"
            + "-----END CERTIFICATE-----\n";

    private static ValidatedPath validate(PathValidator validator, String peerName) throws TlsException {
        List<byte[]> chain = Transform.pemToDer(LEAF + INTERMEDIATE);
        InMemoryTrustStore anchors = new InMemoryTrustStore(List.of(Certificate.read(Transform.pemToDer(ROOT).get(0))));
        return validator.validate(chain, anchors, peerName);
    }

    @Test
    public void theRegisteredValidatorChecksAChainThroughTheCryptoService() throws Exception {
        ValidatedPath path = validate(service(PathValidator.class), "example.com");
        assertEquals(3, path.certificates().size());
        assertEquals("CN=x509-limbo-root", path.anchor().subject().toString());
    }

    @Test
    public void failuresCarryTheirStableCode() throws Exception {
        PathValidator validator = service(PathValidator.class);
        TlsException e = assertThrows(TlsException.class, () -> validate(validator, "example.org"));
        assertEquals(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH, e.code());
        List<byte[]> leafOnly = Transform.pemToDer(LEAF);
        InMemoryTrustStore anchors = new InMemoryTrustStore(List.of(Certificate.read(Transform.pemToDer(ROOT).get(0))));
        assertEquals(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER,
                assertThrows(TlsException.class, () -> validator.validate(leafOnly, anchors, "example.com")).code());
    }
}
