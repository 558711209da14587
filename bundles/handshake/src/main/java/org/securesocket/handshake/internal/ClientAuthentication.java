package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.DistinguishedName;
import org.securesocket.x509.der.DerReader;

/**
 * The client's answer to a CertificateRequest, for every version: which of the configured key's
 * schemes signs (one the server accepts, the version allows and the provider can sign with, of a key
 * type the TLS 1.0-1.2 certificate_types name), and what CertificateVerify signs in the negotiated
 * version. Without credentials or a fitting scheme the Certificate is empty (RFC 5246 section 7.4.6,
 * RFC 8446 section 4.4.2.4: the server decides whether to go on) and the trace says why.
 */
final class ClientAuthentication {
    /** ClientCertificateType rsa_sign (RFC 5246 section 7.4.4). */
    static final int RSA_SIGN = 1;
    /** ClientCertificateType ecdsa_sign, which also covers EdDSA keys (RFC 8422 section 5.5, RFC 8422 erratum). */
    static final int ECDSA_SIGN = 64;
    /** The most CA names traced: a server may list hundreds. */
    private static final int MAX_TRACED_NAMES = 8;

    private ClientAuthentication() {
    }

    /**
     * The scheme our CertificateVerify will use, or null to send an empty Certificate (traced).
     *
     * @param accepted         the server's signature_algorithms (TLS 1.3) or supported_signature_algorithms
     *                         (empty in TLS 1.0/1.1, which have none)
     * @param certificateTypes the TLS 1.0-1.2 certificate_types, or null in TLS 1.3 (which has none)
     */
    static SignatureScheme select(Context ctx, List<Integer> accepted, byte[] certificateTypes) {
        ClientCredentials credentials = ctx.config.clientCredentials();
        if (credentials == null) {
            ctx.trace("no client certificate is configured: an empty certificate is sent");
            return null;
        }
        SignatureScheme.KeyType key = credentials.schemes().get(0).keyType();
        if (certificateTypes != null) {
            int needed = key == SignatureScheme.KeyType.EC || key == SignatureScheme.KeyType.ED25519
                    ? ECDSA_SIGN : RSA_SIGN;
            if (!contains(certificateTypes, needed)) {
                ctx.trace("the server asks for certificate types " + typeNames(certificateTypes) + ", not "
                        + typeName(needed) + " as our client key needs: an empty certificate is sent");
                return null;
            }
        }
        if (!ctx.version.atLeast(ProtocolVersion.TLS12)) {
            return selectLegacy(ctx, key);
        }
        for (SignatureScheme s : credentials.schemes()) {
            if (accepted.contains(s.codepoint()) && allowedIn(ctx.version, s) && ctx.crypto.signSchemes().contains(s)) {
                return s;
            }
        }
        ctx.trace("the server accepts none of our client key's schemes " + credentials.schemes() + " in " + ctx.version
                + " (it accepts " + schemeNames(accepted) + "): an empty certificate is sent");
        return null;
    }

    /** TLS 1.0/1.1: the key type fixes the scheme ({@link SignatureScheme#legacy}); Ed25519 and PSS keys have none. */
    private static SignatureScheme selectLegacy(Context ctx, SignatureScheme.KeyType key) {
        SignatureScheme scheme = SignatureScheme.legacy(key).orElse(null);
        if (scheme == null) {
            ctx.trace("a " + key + " client key cannot sign a " + ctx.version + " CertificateVerify (only RSA and ECDSA"
                    + " keys can): an empty certificate is sent");
        } else if (!ctx.crypto.signSchemes().contains(scheme)) {
            ctx.trace("the crypto provider " + ctx.crypto.name() + " cannot sign with " + scheme + ", which "
                    + ctx.version + " needs: an empty certificate is sent");
            return null;
        }
        return scheme;
    }

    /** Whether a scheme may sign a client's CertificateVerify in {@code version} (TLS 1.2 or 1.3). */
    static boolean allowedIn(ProtocolVersion version, SignatureScheme scheme) {
        return version == ProtocolVersion.TLS13 ? Tls13Signatures.allowed(scheme) : scheme.codepoint() >= 0;
    }

    /**
     * Signs what the negotiated version signs (the one place this rule lives) and sends CertificateVerify.
     * TLS 1.0-1.2 sign handshake_messages, which the scheme hashes (SHA-1, MD5 || SHA-1, or its own hash);
     * TLS 1.0/1.1 send no scheme field (RFC 4346 section 7.4.8).
     */
    static void sendCertificateVerify(Context ctx, SignatureScheme scheme) throws TlsException {
        byte[] content = ctx.version == ProtocolVersion.TLS13
                ? CertificateVerify.signedContent(false, ctx.transcript.digest()) // RFC 8446 section 4.4.3
                : ctx.transcript.messages(); // RFC 5246 section 7.4.8: handshake_messages
        byte[] signature = ctx.crypto.createSigner(scheme, ctx.config.clientCredentials().pkcs8PrivateKey())
                .sign(content);
        int field = ctx.version.atLeast(ProtocolVersion.TLS12) ? scheme.codepoint() : CertificateVerify.NO_SCHEME;
        ctx.send(new CertificateVerify(field, signature));
        ctx.trace("-> certificate_verify " + scheme);
    }

    /** Traces a TLS 1.0-1.2 CertificateRequest: the types, schemes and CA names asked for. */
    static void traceRequest(Context ctx, CertificateRequest request) {
        List<String> names = new ArrayList<>();
        for (byte[] der : request.certificateAuthorities()) {
            if (names.size() == MAX_TRACED_NAMES) {
                names.add("... " + (request.certificateAuthorities().size() - MAX_TRACED_NAMES) + " more");
                break;
            }
            names.add(caName(der));
        }
        ctx.trace("<- certificate_request types " + typeNames(request.certificateTypes()) + " schemes "
                + schemeNames(request.signatureSchemes()) + " CAs " + (names.isEmpty() ? "(any)" : names));
    }

    /** A CA name for the trace; a malformed one is named so, not fatal (nothing else depends on it). */
    static String caName(byte[] der) {
        try {
            DerReader in = new DerReader(der, ErrorCode.HANDSHAKE_DECODE_ERROR);
            DistinguishedName name = DistinguishedName.read(in, "DistinguishedName");
            in.expectEnd("DistinguishedName");
            return name.toString();
        } catch (TlsException e) {
            return "(malformed name: " + e.getMessage() + ")";
        }
    }

    private static boolean contains(byte[] types, int type) {
        for (byte t : types) {
            if ((t & 0xff) == type) {
                return true;
            }
        }
        return false;
    }

    private static List<String> typeNames(byte[] types) {
        List<String> out = new ArrayList<>();
        for (byte t : types) {
            out.add(typeName(t & 0xff));
        }
        return out;
    }

    private static String typeName(int type) {
        return switch (type) {
            case RSA_SIGN -> "rsa_sign";
            case ECDSA_SIGN -> "ecdsa_sign";
            default -> "type " + type;
        };
    }

    private static List<String> schemeNames(List<Integer> codepoints) {
        return codepoints.stream().map(c -> SignatureScheme.fromCodepoint(c).map(Enum::name)
                .orElse(String.format("0x%04x", c))).toList();
    }
}
