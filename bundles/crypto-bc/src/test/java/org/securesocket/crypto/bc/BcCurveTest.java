package org.securesocket.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.junit.jupiter.api.Test;

/** BcCurve's domain parameters are BouncyCastle's named curves, whichever way they are built. */
class BcCurveTest {

    @Test
    void domainsAreTheNamedCurves() {
        for (BcCurve curve : BcCurve.values()) {
            X9ECParameters named = CustomNamedCurves.getByOID(switch (curve) {
                case P256 -> SECObjectIdentifiers.secp256r1;
                case P384 -> SECObjectIdentifiers.secp384r1;
                case P521 -> SECObjectIdentifiers.secp521r1;
            });
            ECDomainParameters domain = curve.domain();
            assertTrue(named.getCurve().equals(domain.getCurve()), curve + " curve");
            assertEquals(named.getCurve().getClass(), domain.getCurve().getClass(), curve + " implementation");
            assertTrue(named.getG().equals(domain.getG()), curve + " generator");
            assertEquals(named.getN(), domain.getN(), curve + " order");
            assertEquals(BigInteger.ONE, domain.getH(), curve + " cofactor");
            assertTrue(domain.getG().multiply(domain.getN()).isInfinity(), curve + ": n*G is the identity");
            assertSame(domain, curve.domain(), curve + " built once");
        }
    }

    @Test
    void concurrentFirstUsesShareOneDomain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ECDomainParameters[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    ECDomainParameters[] seen = new ECDomainParameters[BcCurve.values().length];
                    for (BcCurve curve : BcCurve.values()) {
                        seen[curve.ordinal()] = curve.domain();
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (Future<ECDomainParameters[]> result : results) {
                ECDomainParameters[] seen = result.get();
                for (BcCurve curve : BcCurve.values()) {
                    assertSame(curve.domain(), seen[curve.ordinal()], curve + " built once across threads");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
