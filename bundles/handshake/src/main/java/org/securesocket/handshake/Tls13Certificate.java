package org.securesocket.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.X509PathValidator;

/**
 * Certificate in its TLS 1.3 form (RFC 8446 section 4.4.2): {@code opaque certificate_request_context<0..2^8-1>;
 * CertificateEntry certificate_list<0..2^24-1>}, each entry {@code opaque cert_data<1..2^24-1>; Extension
 * extensions<0..2^16-1>}. The per-entry extensions (OCSP, SCT) are kept as read.
 */
public record Tls13Certificate(byte[] requestContext, List<Entry> entries) implements HandshakeMessage {

    /** One CertificateEntry of the X.509 type. */
    public record Entry(byte[] certData, List<Extension> extensions) {
        public Entry {
            certData = certData.clone();
            extensions = List.copyOf(extensions);
        }

        @Override
        public byte[] certData() {
            return certData.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Arrays.equals(e.certData, certData) && e.extensions.equals(extensions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(certData);
        }
    }

    public Tls13Certificate {
        requestContext = requestContext.clone();
        entries = List.copyOf(entries);
    }

    public static Tls13Certificate read(WireReader in) throws TlsException {
        byte[] context = in.vector8(0, 0xff, "certificate_request_context");
        WireReader list = in.sub24(0, "certificate_list");
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            if (entries.size() == X509PathValidator.MAX_PEER_CERTIFICATES) {
                throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "the peer sent more than "
                        + X509PathValidator.MAX_PEER_CERTIFICATES + " certificates");
            }
            byte[] der = list.vector24(1, 0xffffff, "cert_data");
            if (!list.hasRemaining()) { // the extensions' length field is mandatory
                throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "a CertificateEntry lacks its extensions");
            }
            entries.add(new Entry(der, Extension.readList(list, "certificate_entry")));
        }
        return new Tls13Certificate(context, entries);
    }

    /** The DER certificates, leaf first. */
    public List<byte[]> certificates() {
        List<byte[]> certificates = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            certificates.add(entry.certData());
        }
        return certificates;
    }

    @Override
    public byte[] requestContext() {
        return requestContext.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void write(WireWriter out) {
        out.vector8(requestContext);
        WireWriter list = new WireWriter();
        for (Entry e : entries) {
            list.vector24(e.certData);
            Extension.writeList(e.extensions, list, false);
        }
        out.vector24(list.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13Certificate c && Arrays.equals(c.requestContext, requestContext)
                && c.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
