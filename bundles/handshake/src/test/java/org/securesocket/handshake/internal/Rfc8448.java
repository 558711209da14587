package org.securesocket.handshake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyAgreement;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.TrustStore;
import org.securesocket.x509.ValidatedPath;

/** The RFC 8448 trace data (src/test/resources/rfc8448) and the test doubles that replay it. */
final class Rfc8448 {
    private static final Map<String, byte[]> MESSAGES = load();

    private Rfc8448() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A message of the trace, header included. */
    static byte[] message(String name) {
        byte[] m = MESSAGES.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no message " + name + " in rfc8448/messages.txt");
        }
        return m.clone();
    }

    static HandshakeFrame frame(String name) {
        return new HandshakeFrame(message(name));
    }

    private static Map<String, byte[]> load() {
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/messages.txt")) {
            Map<String, byte[]> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    out.put(line.substring(0, eq), hex(line.substring(eq + 1).trim()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An X25519 share with the trace's fixed private key, computed with the JDK's XDH. */
    static KeyShare x25519(String privateKeyHex, String publicKeyHex) {
        return new KeyShare() {
            @Override
            public NamedGroup group() {
                return NamedGroup.X25519;
            }

            @Override
            public byte[] publicKey() {
                return hex(publicKeyHex);
            }

            @Override
            public byte[] agree(byte[] peer) throws TlsException {
                try {
                    KeyFactory factory = KeyFactory.getInstance("XDH");
                    PrivateKey priv = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519,
                            hex(privateKeyHex)));
                    byte[] u = peer.clone();
                    for (int i = 0; i < u.length / 2; i++) { // little-endian on the wire
                        byte t = u[i];
                        u[i] = u[u.length - 1 - i];
                        u[u.length - 1 - i] = t;
                    }
                    PublicKey pub = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                            new BigInteger(1, u)));
                    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
                    agreement.init(priv);
                    agreement.doPhase(pub, true);
                    return agreement.generateSecret();
                } catch (java.security.GeneralSecurityException e) {
                    throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.getMessage(), e);
                }
            }
        };
    }

    /** Validation replaced by a pinned certificate: the RFC's self-signed RSA-1024 "rsa" certificate. */
    static PathValidator pinned(byte[] der) {
        return (List<byte[]> certificates, TrustStore trustStore, String peerName) -> {
            if (certificates.size() != 1 || !java.util.Arrays.equals(certificates.get(0), der)) {
                throw new TlsException(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, "not the pinned certificate");
            }
            return new ValidatedPath(List.of(Certificate.read(der)));
        };
    }

    /** A record layer that records what the handshake asks of it. */
    static final class Recorder implements RecordLayer {
        final List<byte[]> sent = new ArrayList<>();
        int changeCipherSpecs;
        int readKeyChanges;
        int writeKeyChanges;
        ProtocolVersion version;

        @Override
        public void sendHandshake(byte[] encoded) {
            sent.add(encoded.clone());
        }

        @Override
        public void sendChangeCipherSpec() {
            changeCipherSpecs++;
        }

        @Override
        public void sendAlert(AlertMessage alert) {
            throw new AssertionError("no alert expected: " + alert);
        }

        @Override
        public void setVersion(ProtocolVersion v) {
            version = v;
        }

        @Override
        public void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write) {
        }

        @Override
        public void setReadProtection(RecordProtection protection) {
            readKeyChanges++;
        }

        @Override
        public void setWriteProtection(RecordProtection protection) {
            writeKeyChanges++;
        }
    }
}
