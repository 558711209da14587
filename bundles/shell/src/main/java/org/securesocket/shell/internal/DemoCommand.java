package org.securesocket.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.KeyLogFile;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.shell.Command;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.UsageException;
import org.securesocket.x509.Certificate;

/**
 * {@code securesocket demo}: the stack at work with no internet. A CA and a server certificate are made
 * on the spot, the JDK's TLS server listens on loopback, and our client connects with the default
 * (highest) version, then with TLS 1.2 as the maximum, tracing each handshake and echoing a message;
 * last, a connection under another name shows a refusal with its code. {@code --exit} returns 0 when
 * every step went as described (1 otherwise) instead of keeping the server up.
 */
final class DemoCommand implements Command {
    private static final String HOST = "localhost";
    private static final String WRONG_HOST = "wrong.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "offline demo: TLS 1.3 and 1.2 to an in-process server on loopback, traced, then a refused certificate";
    }

    @Override
    public String usage() {
        return "[--exit] [--keylog FILE]   (--keylog, or SSLKEYLOGFILE: the NSS key log for Wireshark)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        boolean exit = false;
        Path keyLogPath = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--exit" -> exit = true;
                case "--keylog" -> {
                    if (++i == args.size()) {
                        throw new UsageException("--keylog needs a file name");
                    }
                    keyLogPath = Path.of(args.get(i));
                }
                default -> throw new UsageException("unknown argument '" + args.get(i) + "'");
            }
        }
        KeyLogFile keyLog = keyLogPath != null ? new KeyLogFile(keyLogPath) : KeyLogFile.fromEnvironment().orElse(null);
        try {
            return demo(context, exit, keyLog == null ? KeyLogSink.NONE : keyLog);
        } finally {
            if (keyLog != null) {
                keyLog.close();
                context.out().println("key log (NSS format, for Wireshark): " + keyLog.path().toAbsolutePath());
            }
        }
    }

    private int demo(CommandContext context, boolean exit, KeyLogSink keyLog) throws Exception {
        PrintStream out = context.out();
        out.println("SecureSocket demo: everything below runs on this machine, over loopback.");
        DemoPki pki = new DemoPki();
        Instant now = Instant.now();
        DemoPki.Issued ca = pki.ca("SecureSocket Demo CA", now);
        DemoPki.Issued leaf = pki.server(HOST, ca, now);
        out.println("[setup] made a CA 'CN=" + ca.subject() + "' and a certificate for " + HOST
                + " it signed (EC P-256, valid one day), in memory");
        try (DemoServer server = new DemoServer(leaf, ca)) {
            out.println("[setup] the JDK's TLS server (JSSE) listens on 127.0.0.1:" + server.port()
                    + " with TLS 1.3 and TLS 1.2, echoing what it receives");
            List<Certificate> anchors = List.of(Certificate.read(ca.certificate().getEncoded()));
            Supplier<SecureSocketOptions.Builder> base = () -> SecureSocketOptions.builder().host("127.0.0.1")
                    .port(server.port()).serverName(HOST).certificates(anchors).trace(TraceSink.stream(out))
                    .keyLog(keyLog);
            HandshakePolicy highest = HandshakePolicy.DEFAULT;
            HandshakePolicy capped = highest.withVersions(highest.minVersion(), ProtocolVersion.TLS12);
            int passed = 0;
            out.println();
            out.println("== Step 1: the default policy, " + highest.minVersion() + " up to " + highest.maxVersion()
                    + (highest.maxVersion() == ProtocolVersion.TLS13 ? ""
                            : " (this build does not offer TLS 1.3 yet: " + highest.maxVersion() + " is its highest)"));
            passed += exchange(out, base.get().policy(highest).timeout(TIMEOUT).build()) ? 1 : 0;
            out.println();
            out.println("== Step 2: TLS 1.2 as the maximum");
            passed += exchange(out, base.get().policy(capped).timeout(TIMEOUT).build()) ? 1 : 0;
            out.println();
            out.println("== Step 3: connect as '" + WRONG_HOST + "': the certificate names " + HOST
                    + ", so it must be refused");
            passed += refused(out, base.get().serverName(WRONG_HOST).timeout(TIMEOUT).build()) ? 1 : 0;
            out.println();
            out.println("demo: " + passed + " of 3 steps succeeded");
            if (!exit) {
                stayOpen(context, server.port(), ca);
            }
            return passed == 3 ? OK : FAILURE;
        }
    }

    /** Connects, prints what was negotiated, sends a line and checks the echo. */
    private static boolean exchange(PrintStream out, SecureSocketOptions options) {
        try (SecureSocket socket = SecureSocket.connect(options)) {
            SessionParameters s = socket.session();
            out.println("negotiated: " + s.version() + ", " + s.cipherSuite().ianaName() + ", group "
                    + (s.group() == null ? "-" : s.group().name().toLowerCase(java.util.Locale.ROOT))
                    + (s.version() == ProtocolVersion.TLS13 ? "" // TLS 1.3 has no EMS: its secrets bind the transcript
                            : ", extended master secret " + (s.extendedMasterSecret() ? "yes" : "no"))
                    + ", server certificate " + socket.peerCertificates().get(0) + " issued by "
                    + socket.peerCertificates().get(0).issuer());
            String message = "hello over " + s.version();
            socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
            String echoed = readLine(socket.getInputStream());
            boolean same = message.equals(echoed);
            out.println("sent '" + message + "', received '" + echoed + "': " + (same ? "OK" : "MISMATCH"));
            return same;
        } catch (IOException e) {
            out.println("FAILED: " + describe(e));
            return false;
        }
    }

    /** Expects the certificate to be refused for its name. */
    private static boolean refused(PrintStream out, SecureSocketOptions options) {
        try (SecureSocket socket = SecureSocket.connect(options)) {
            out.println("FAILED: the connection was accepted (" + socket.protocol() + ")");
            return false;
        } catch (TlsException e) {
            out.println("refused, as it must be: " + describe(e));
            return e.code() == ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH;
        } catch (IOException e) {
            out.println("FAILED: " + describe(e));
            return false;
        }
    }

    private static String describe(IOException e) {
        return e instanceof TlsException t ? "code " + t.code().code() + ": " + t.getMessage() : e.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Keeps the server up for the user's own connections until Enter (or the end of standard input). */
    private static void stayOpen(CommandContext context, int port, DemoPki.Issued ca) throws Exception {
        Path caFile = Files.createTempFile("securesocket-demo-ca", ".pem");
        caFile.toFile().deleteOnExit();
        Files.writeString(caFile, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(ca.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        context.out().println("The server stays up. Try, from another terminal:");
        context.out().println("  ./securesocket connect 127.0.0.1:" + port + " --servername " + HOST + " --cafile "
                + caFile + " --send hello --trace");
        context.out().println("Press Enter to stop (or run with --exit).");
        context.out().flush();
        context.in().read();
    }
}
