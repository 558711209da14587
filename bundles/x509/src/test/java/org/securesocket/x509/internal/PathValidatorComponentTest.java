package org.securesocket.x509.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;

/** The DS shell as SCR drives it: the crypto field injected, the configuration applied. */
class PathValidatorComponentTest {

    private static PathValidatorComponent component(Map<String, Object> config) throws Exception {
        PathValidatorComponent c = new PathValidatorComponent();
        Field crypto = PathValidatorComponent.class.getDeclaredField("crypto");
        crypto.setAccessible(true);
        crypto.set(c, new JcaTlsCrypto());
        c.configure((PathValidatorComponent.Config) Proxy.newProxyInstance(
                PathValidatorComponent.Config.class.getClassLoader(), new Class<?>[] {PathValidatorComponent.Config.class},
                (proxy, method, args) -> config.getOrDefault(method.getName(), method.getDefaultValue())));
        return c;
    }

    @Test
    void validatesWithTheConfiguredPolicy() throws Exception {
        // A self-signed RSA-1024 anchor and leaf in one: refused by default, accepted once configured.
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair keys = g.generateKeyPair();
        byte[] der = selfSigned(keys);
        InMemoryTrustStore store = new InMemoryTrustStore(List.of(Certificate.read(der)));
        TlsException e = assertThrows(TlsException.class, () -> component(Map.of()).validate(List.of(der), store, null));
        assertEquals(ErrorCode.CERTIFICATE_WEAK_KEY, e.code());
        assertEquals(1, component(Map.of("minRsaBits", 1024)).validate(List.of(der), store, null).certificates().size());
    }

    private static byte[] selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=device");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                name, BigInteger.TEN, Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(3600)), name, keys.getPublic());
        return b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(keys.getPrivate())).getEncoded();
    }

}
