package org.securesocket.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.record.ProtocolVersion;

/**
 * CertificateRequest in its TLS 1.2 form (RFC 5246 section 7.4.4): certificate_types&lt;1..2^8-1&gt;,
 * supported_signature_algorithms&lt;2..2^16-2&gt;, certificate_authorities&lt;0..2^16-1&gt; of
 * DistinguishedName&lt;1..2^16-1&gt; (DER). TLS 1.0 and 1.1 (RFC 4346 section 7.4.4) have no
 * supported_signature_algorithms: that form has an empty scheme list, which TLS 1.2 cannot express.
 */
public record CertificateRequest(byte[] certificateTypes, List<Integer> signatureSchemes,
        List<byte[]> certificateAuthorities) implements HandshakeMessage {
    public CertificateRequest {
        certificateTypes = certificateTypes.clone();
        signatureSchemes = List.copyOf(signatureSchemes);
        certificateAuthorities = certificateAuthorities.stream().map(byte[]::clone).toList();
    }

    /** Decodes a request received in {@code version} (TLS 1.0 to 1.2; null before ServerHello reads TLS 1.2). */
    public static CertificateRequest read(WireReader in, ProtocolVersion version) throws TlsException {
        byte[] types = in.vector8(1, 0xff, "certificate_types");
        boolean legacy = version != null && !version.atLeast(ProtocolVersion.TLS12);
        WireReader schemes = legacy ? WireReader.of(new byte[0]) : in.sub16(2, "supported_signature_algorithms");
        WireReader.checkMultiple(schemes, 2, "supported_signature_algorithms");
        List<Integer> schemeList = new ArrayList<>();
        while (schemes.hasRemaining()) {
            schemeList.add(schemes.u16("SignatureAndHashAlgorithm"));
        }
        WireReader cas = in.sub16(0, "certificate_authorities");
        List<byte[]> names = new ArrayList<>();
        while (cas.hasRemaining()) {
            names.add(cas.vector16(1, 0xffff, "DistinguishedName"));
        }
        return new CertificateRequest(types, schemeList, names);
    }

    @Override
    public byte[] certificateTypes() {
        return certificateTypes.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void write(WireWriter out) {
        out.vector8(certificateTypes);
        if (!signatureSchemes.isEmpty()) {
            WireWriter schemes = new WireWriter();
            signatureSchemes.forEach(schemes::u16);
            out.vector16(schemes.toByteArray());
        }
        WireWriter cas = new WireWriter();
        certificateAuthorities.forEach(cas::vector16);
        out.vector16(cas.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateRequest c && Arrays.equals(c.certificateTypes, certificateTypes)
                && c.signatureSchemes.equals(signatureSchemes)
                && c.certificateAuthorities.size() == certificateAuthorities.size()
                && java.util.stream.IntStream.range(0, certificateAuthorities.size())
                        .allMatch(i -> Arrays.equals(c.certificateAuthorities.get(i), certificateAuthorities.get(i)));
    }

    @Override
    public int hashCode() {
        return signatureSchemes.hashCode();
    }
}
