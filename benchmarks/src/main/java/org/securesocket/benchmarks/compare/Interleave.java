package org.securesocket.benchmarks.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before/after in one JVM: client-thread CPU per full handshake of several clients, each from its
 * own {@code benchmarks.jar} (an older build and this one, say) in its own class loader, measured in
 * alternating batches so that the load of a shared machine falls on all of them alike:
 * {@code java -cp benchmarks.jar org.securesocket.benchmarks.compare.Interleave pki-dir port TLSv1.3
 * TLS_AES_128_GCM_SHA256 600 30 40 ours@old.jar ours@benchmarks.jar jsse@benchmarks.jar}
 * (warm-up handshakes per client, batches, handshakes per batch; medians and quartiles of the batches).
 */
public final class Interleave {
    private Interleave() {
    }

    /** One client of one jar, driven by reflection: older jars have the same package-private classes. */
    private static final class Client {
        private final String name;
        private final Object stack;
        private final Object target;
        private final Method open;
        private final Method forgetSession;
        private final Method close;

        Client(String spec, String pki, int port, String version, String suite) throws Exception {
            int at = spec.indexOf('@');
            Path jar = Path.of(spec.substring(at + 1));
            this.name = spec.substring(0, at) + "@" + jar.getFileName();
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            String pkg = Interleave.class.getPackageName() + ".";
            Class<?> pkiClass = loader.loadClass(pkg + "Pki");
            Class<?> targetClass = loader.loadClass(pkg + "Target");
            Class<?> stackClass = loader.loadClass(pkg + "Stack");
            Constructor<?> newPki = pkiClass.getDeclaredConstructor(Path.class);
            Constructor<?> newTarget = targetClass.getDeclaredConstructor(int.class, String.class, String.class, boolean.class);
            Method create = stackClass.getDeclaredMethod("create", String.class, pkiClass);
            this.open = stackClass.getDeclaredMethod("open", targetClass);
            Class<?> connClass = loader.loadClass(pkg + "Conn");
            this.forgetSession = connClass.getDeclaredMethod("forgetSession");
            this.close = AutoCloseable.class.getMethod("close");
            for (java.lang.reflect.AccessibleObject member : List.of(newPki, newTarget, create, open, forgetSession)) {
                member.setAccessible(true);
            }
            this.stack = create.invoke(null, spec.substring(0, at), newPki.newInstance(Path.of(pki)));
            this.target = newTarget.newInstance(port, version, suite, false);
        }

        void handshake() throws Exception {
            Object conn = open.invoke(stack, target);
            try {
                forgetSession.invoke(conn);
            } finally {
                close.invoke(conn);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String pki = args[0];
        int port = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[4]);
        int batches = Integer.parseInt(args[5]);
        int perBatch = Integer.parseInt(args[6]);
        List<Client> clients = new ArrayList<>();
        for (int i = 7; i < args.length; i++) {
            clients.add(new Client(args[i], pki, port, args[2], args[3]));
        }
        for (int done = 0; done < warm; done += perBatch) {
            for (Client c : clients) {
                for (int i = 0; i < perBatch; i++) {
                    c.handshake();
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[clients.size()][batches];
        for (int b = 0; b < batches; b++) {
            for (int k = 0; k < clients.size(); k++) {
                int c = (k + b) % clients.size(); // the order rotates from batch to batch
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perBatch; i++) {
                    clients.get(c).handshake();
                }
                micros[c][b] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / perBatch;
            }
        }
        for (int c = 0; c < clients.size(); c++) {
            double[] sorted = micros[c].clone();
            Arrays.sort(sorted);
            System.out.printf("%s port %d %-32s median %6.0f us  quartiles %6.0f %6.0f%n", args[2], port,
                    clients.get(c).name, sorted[batches / 2], sorted[batches / 4], sorted[3 * batches / 4]);
        }
    }
}
