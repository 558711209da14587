package org.securesocket.x509.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.Transform;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;
import org.securesocket.x509.der.DerReader;

/**
 * Path validation fed a fuzzed peer chain, against the real roots of the x509-limbo "online" cases
 * (so the real chains used as seeds validate and mutations explore every later check). Input: one
 * byte choosing the case (its validation time and peer name), then the peer's certificates as
 * consecutive DER elements. Bounded effort must hold however many look-alike certificates come.
 */
class PathValidationFuzzTest {
    private static final String[] SITES = {"akamai.com", "amazon.com", "apple.com", "aws.amazon.com", "bing.com",
        "cloudflare.com", "docs.python.org", "facebook.com", "fastly.com", "google.com", "microsoft.com",
        "s3.amazonaws.com", "stackoverflow.com", "storage.googleapis.com"};
    private static final InMemoryTrustStore ROOTS;
    private static final X509PathValidator[] VALIDATORS = new X509PathValidator[SITES.length];

    static {
        List<Certificate> roots = new ArrayList<>();
        JcaTlsCrypto crypto = new JcaTlsCrypto();
        for (int i = 0; i < SITES.length; i++) {
            JsonObject c = load("x509-limbo/online/" + SITES[i] + ".limbo.json");
            for (JsonElement pem : c.getAsJsonArray("trusted_certs")) {
                try {
                    roots.add(Certificate.read(Transform.pemToDer(pem.getAsString()).get(0)));
                } catch (TlsException e) {
                    throw new IllegalStateException(SITES[i] + ": " + e.getMessage(), e);
                }
            }
            Clock clock = Clock.fixed(OffsetDateTime.parse(c.get("validation_time").getAsString()).toInstant(),
                    ZoneOffset.UTC);
            VALIDATORS[i] = new X509PathValidator(crypto, ValidationPolicy.STRICT, clock);
        }
        ROOTS = new InMemoryTrustStore(roots);
    }

    @FuzzTest(maxDuration = "10m")
    void chain(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int site = (input[0] & 0xff) % SITES.length;
        List<byte[]> chain = new ArrayList<>();
        DerReader elements = new DerReader(Arrays.copyOfRange(input, 1, input.length), ErrorCode.CERTIFICATE_MALFORMED);
        try {
            while (elements.hasRemaining() && chain.size() <= X509PathValidator.MAX_PEER_CERTIFICATES) {
                chain.add(elements.readElement("certificate"));
            }
        } catch (TlsException e) {
            // the certificates read so far form the chain
        }
        if (chain.isEmpty()) {
            return;
        }
        try {
            VALIDATORS[site].validate(chain, ROOTS, SITES[site]);
        } catch (TlsException expected) {
            // refused with a code
        }
    }

    /** The harness is only worth fuzzing if the real chains it starts from do validate. */
    @Test
    void realChainsValidate() throws TlsException {
        for (int i = 0; i < SITES.length; i++) {
            JsonObject c = load("x509-limbo/online/" + SITES[i] + ".limbo.json");
            List<byte[]> chain = new ArrayList<>(Transform.pemToDer(c.get("peer_certificate").getAsString()));
            for (JsonElement pem : c.getAsJsonArray("untrusted_intermediates")) {
                chain.addAll(Transform.pemToDer(pem.getAsString()));
            }
            assertEquals(Certificate.read(chain.get(0)), VALIDATORS[i].validate(chain, ROOTS, SITES[i]).leaf(), SITES[i]);
        }
    }

    private static JsonObject load(String resource) {
        try (InputStream in = PathValidationFuzzTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
