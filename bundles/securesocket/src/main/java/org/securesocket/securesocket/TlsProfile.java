package org.securesocket.securesocket;

import static org.securesocket.securesocket.ConfigValues.bool;
import static org.securesocket.securesocket.ConfigValues.list;
import static org.securesocket.securesocket.ConfigValues.number;
import static org.securesocket.securesocket.ConfigValues.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * A named TLS profile: the original's {@code secure} dictionary as configuration (Config Admin
 * factory PID {@value #FACTORY_PID}), published as a service with the property {@value #NAME} so
 * that adapters and applications select it by name. Trusted certificate files and the client key
 * and certificates are read and parsed when the profile is made, so a profile with a missing or
 * unreadable file is refused up front.
 *
 * @param anchors           the trusted certificates of {@code certificateFiles}, added to the TrustStore's
 * @param clientCredentials the key of {@code clientKeyFile} (PEM or DER; PKCS#8, PKCS#1 or SEC1, not
 *                          encrypted) with the chain of {@code clientCertificateFiles}, or null
 * @param minVersion        the lowest version, or null for the policy's
 * @param maxVersion        the highest version, or null for the policy's
 * @param maxFragmentLength the max_fragment_length to request (512, 1024, 2048, 4096), 0 for none
 * @param statusRequest     whether to ask for a stapled OCSP response (exposed, not validated yet)
 */
public record TlsProfile(String name, List<Certificate> anchors, String clientKeyFile, String clientKeyPassword,
        List<String> clientCertificateFiles, ClientCredentials clientCredentials, List<String> alpn, String serverName,
        int maxFragmentLength, boolean statusRequest,
        ProtocolVersion minVersion, ProtocolVersion maxVersion, boolean verify) {
    public static final String FACTORY_PID = "org.securesocket.tls.profile";
    public static final String NAME = "name";
    public static final String CERTIFICATE_FILES = "certificateFiles";
    public static final String CLIENT_KEY_FILE = "clientKeyFile";
    public static final String CLIENT_KEY_PASSWORD = "clientKeyPassword";
    public static final String CLIENT_CERTIFICATE_FILES = "clientCertificateFiles";
    public static final String ALPN = "applicationLayerProtocolNegotiation";
    public static final String SERVER_NAME = "serverName";
    public static final String MAX_FRAGMENT_LENGTH = "tls_max_fragment_length";
    public static final String STATUS_REQUEST = "statusRequest";
    public static final String MIN_VERSION = "protocolVersion.min";
    public static final String MAX_VERSION = "protocolVersion.max";
    public static final String VERIFY = "verify";

    private static final Set<String> KEYS = Set.of(NAME, CERTIFICATE_FILES, CLIENT_KEY_FILE, CLIENT_KEY_PASSWORD,
            CLIENT_CERTIFICATE_FILES, ALPN, SERVER_NAME, MAX_FRAGMENT_LENGTH, STATUS_REQUEST, MIN_VERSION, MAX_VERSION,
            VERIFY);

    public TlsProfile {
        anchors = List.copyOf(anchors);
        clientCertificateFiles = List.copyOf(clientCertificateFiles);
        alpn = List.copyOf(alpn);
    }

    /** Every key of the factory PID. */
    public static Set<String> keys() {
        return KEYS;
    }

    /** The profile of one factory configuration; reads its certificate files. */
    public static TlsProfile fromProperties(Map<String, ?> p) throws TlsException {
        ConfigValues.rejectUnknown(p, KEYS, "a " + FACTORY_PID + " configuration");
        String name = string(p, NAME);
        if (name == null) {
            throw new IllegalArgumentException("a profile needs a '" + NAME + "' to be selected by");
        }
        List<Certificate> anchors = new ArrayList<>();
        for (String file : list(p, CERTIFICATE_FILES)) {
            List<Certificate> read;
            try {
                read = OptionMaps.readCertificates(Files.readAllBytes(Path.of(file)));
            } catch (IOException e) {
                throw new IllegalArgumentException("profile '" + name + "': cannot read " + CERTIFICATE_FILES + " "
                        + file + ": " + e, e);
            }
            if (read.isEmpty()) {
                throw new IllegalArgumentException("profile '" + name + "': " + file + " holds no certificate (PEM"
                        + " CERTIFICATE blocks or one DER certificate expected)");
            }
            anchors.addAll(read);
        }
        int mfl = (int) number(p, MAX_FRAGMENT_LENGTH, 0, 0, 4096);
        if (mfl != 0 && !List.of(512, 1024, 2048, 4096).contains(mfl)) {
            throw new IllegalArgumentException(MAX_FRAGMENT_LENGTH + " must be 512, 1024, 2048 or 4096 (RFC 6066"
                    + " section 4), or 0 for none, not " + mfl);
        }
        ProtocolVersion min = ConfigValues.version(p, MIN_VERSION);
        ProtocolVersion max = ConfigValues.version(p, MAX_VERSION);
        if (min != null && max != null && !max.atLeast(min)) {
            throw new IllegalArgumentException(MIN_VERSION + " " + min + " is above " + MAX_VERSION + " " + max);
        }
        String keyFile = string(p, CLIENT_KEY_FILE);
        List<String> chainFiles = list(p, CLIENT_CERTIFICATE_FILES);
        return new TlsProfile(name, anchors, keyFile, string(p, CLIENT_KEY_PASSWORD), chainFiles,
                clientCredentials(name, keyFile, string(p, CLIENT_KEY_PASSWORD), chainFiles), list(p, ALPN),
                string(p, SERVER_NAME), mfl, bool(p, STATUS_REQUEST, false), min, max, bool(p, VERIFY, true));
    }

    /** Reads the client key and chain files; both or neither must be set. */
    private static ClientCredentials clientCredentials(String name, String keyFile, String password,
            List<String> chainFiles) throws TlsException {
        if (keyFile == null && chainFiles.isEmpty()) {
            return null;
        }
        if (keyFile == null || chainFiles.isEmpty()) {
            throw new IllegalArgumentException("profile '" + name + "': " + CLIENT_KEY_FILE + " and "
                    + CLIENT_CERTIFICATE_FILES + " go together");
        }
        if (password != null) {
            throw new IllegalArgumentException("profile '" + name + "': encrypted client keys are not supported;"
                    + " decrypt the key ('openssl pkey -in IN -out OUT') and remove " + CLIENT_KEY_PASSWORD);
        }
        List<byte[]> chain = new ArrayList<>();
        byte[] key;
        try {
            for (String file : chainFiles) {
                chain.add(Files.readAllBytes(Path.of(file)));
            }
            key = Files.readAllBytes(Path.of(keyFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("profile '" + name + "': cannot read the client key or certificates: "
                    + e, e);
        }
        return OptionMaps.clientCredentials(key, chain);
    }

    /**
     * Applies the profile on top of {@code builder} (which holds the stack's policy): its anchors,
     * client credentials, max_fragment_length, ALPN, server name, verification and version bounds.
     */
    public SecureSocketOptions.Builder applyTo(SecureSocketOptions.Builder builder, HandshakePolicy policy)
            throws TlsException {
        Map<String, Object> secure = new HashMap<>();
        secure.put("tls_max_fragment_length", maxFragmentLength == 0 ? null : maxFragmentLength);
        secure.put("statusRequest", statusRequest);
        secure.put("certificate", anchors);
        secure.put("verify", verify);
        secure.put("applicationLayerProtocolNegotiation", alpn);
        if (serverName != null) {
            secure.put("serverName", serverName);
        }
        ProtocolVersion min = minVersion != null ? minVersion : policy.minVersion();
        ProtocolVersion max = maxVersion != null ? maxVersion : policy.maxVersion().atLeast(min)
                ? policy.maxVersion() : min;
        if (!max.atLeast(min)) {
            throw new IllegalArgumentException("profile '" + name + "': its versions " + min + ".." + max
                    + " do not fit the policy's " + policy.minVersion() + ".." + policy.maxVersion());
        }
        builder.policy(policy.withVersions(min, max));
        OptionMaps.applySecure(builder, secure);
        return builder.clientCredentials(clientCredentials);
    }

    /** Without the key password. */
    @Override
    public String toString() {
        return "TlsProfile[" + name + ", " + anchors.size() + " anchors, alpn=" + alpn + ", serverName=" + serverName
                + ", versions=" + minVersion + ".." + maxVersion + ", verify=" + verify
                + (clientKeyFile != null ? ", clientKey=" + clientKeyFile + (clientKeyPassword != null ? " (password"
                        + " set)" : "") : "") + "]";
    }
}
