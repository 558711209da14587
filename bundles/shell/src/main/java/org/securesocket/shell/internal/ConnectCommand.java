package org.securesocket.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.securesocket.common.AlertSource;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.shell.Command;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.UsageException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;

/**
 * {@code securesocket connect HOST:PORT ...}: one TLS connection, reported as text or as one JSON line.
 * Exit status: 0 connected, 2 usage, 3 certificate rejected, 4 TLS protocol failure, 5 network failure
 * or timeout. Standard input is never read.
 */
final class ConnectCommand implements Command {
    static final int CERTIFICATE_REJECTED = 3;
    static final int PROTOCOL_FAILURE = 4;
    static final int NETWORK_FAILURE = 5;

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public String summary() {
        return "open a TLS connection, print what was negotiated, optionally send text and print the answer";
    }

    @Override
    public String usage() {
        return "HOST:PORT [--servername NAME] [--cafile FILE]... [--no-verify] [--min-version V] [--max-version V]"
                + " [--cipher-suites A,B] [--groups x25519,secp256r1,...] [--alpn h2,http/1.1]"
                + " [--max-fragment-length 512|1024|2048|4096] [--status-request] [--cert FILE --key FILE]"
                + " [--send TEXT] [--timeout MS] [--trace] [--json]"
                + "   (V: 1.0 1.1 1.2 1.3 or 0x301..0x304; --cert: PEM chain, client's first; --key: PEM or DER,"
                + " not encrypted)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException {
        ConnectArguments a = ConnectArguments.parse(args);
        SecureSocketOptions options = SecureSocketOptions.builder().host(a.host).port(a.port).serverName(a.serverName)
                .policy(a.policy()).verify(a.verify).trustStore(new InMemoryTrustStore(a.anchors())).alpn(a.alpn)
                .timeout(a.timeout).trace(a.trace ? TraceSink.stream(context.err()) : TraceSink.NONE)
                .clientCredentials(a.clientCredentials()).maxFragmentLength(a.maxFragmentLength)
                .statusRequest(a.statusRequest).build();
        SessionParameters session = null;
        try (SecureSocket socket = SecureSocket.connect(options)) {
            session = socket.session();
            String received = a.send == null ? null : exchange(socket, a.send);
            report(context.out(), a, session, received);
            return OK;
        } catch (TlsException e) {
            fail(context, a, e);
            return exitStatus(e);
        } catch (java.io.IOException e) {
            // close() failing after a complete exchange: the result stands
            if (session == null) {
                context.err().println("securesocket connect: " + e.getMessage());
                return NETWORK_FAILURE;
            }
            return OK;
        }
    }

    /** Sends the text, then reads until the peer closes or the timeout (after some data: still success). */
    private static String exchange(SecureSocket socket, String text) throws TlsException, java.io.IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (TlsException e) {
            if (!(e.code() == org.securesocket.common.ErrorCode.IO_TIMEOUT && received.size() > 0)) {
                throw e;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    static int exitStatus(TlsException e) {
        return switch (e.code().area()) {
            case "certificate" -> CERTIFICATE_REJECTED;
            case "io" -> NETWORK_FAILURE;
            default -> PROTOCOL_FAILURE;
        };
    }

    private static void report(PrintStream out, ConnectArguments a, SessionParameters s, String received) {
        if (a.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", true);
            json.put("protocol", s.jdkProtocolName());
            json.put("cipherSuite", s.cipherSuite().ianaName());
            json.put("group", s.group() == null ? null : s.group().name().toLowerCase(Locale.ROOT));
            json.put("alpn", s.alpn());
            json.put("resumed", s.resumed());
            json.put("fragmentLimit", s.plaintextLimit().contentLimit());
            json.put("stapledOcspResponse", s.stapledOcspResponse().map(r -> Base64.getEncoder().encodeToString(r))
                    .orElse(null));
            List<Object> certs = new ArrayList<>();
            for (Certificate c : s.peerCertificates()) {
                Map<String, Object> cert = new LinkedHashMap<>();
                cert.put("subject", c.subject().toString());
                cert.put("issuer", c.issuer().toString());
                cert.put("notAfter", c.notAfter().toString());
                certs.add(cert);
            }
            json.put("peerCertificates", certs);
            json.put("received", received);
            out.println(Json.write(json));
            return;
        }
        out.println("Connected to " + a.host + ":" + a.port);
        out.println("  protocol:     " + s.jdkProtocolName());
        out.println("  cipher suite: " + s.cipherSuite().ianaName());
        out.println("  group:        " + (s.group() == null ? "none" : s.group().name().toLowerCase(Locale.ROOT)));
        out.println("  ALPN:         " + (s.alpn() == null ? "none" : s.alpn()));
        if (s.version() == ProtocolVersion.TLS13) { // RFC 8446 binds every secret to the transcript: no EMS to negotiate
            out.println("  resumed:      " + (s.resumed() ? "yes" : "no"));
        } else {
            out.println("  extended master secret: " + (s.extendedMasterSecret() ? "yes" : "no"));
        }
        out.println("  verification: " + (a.verify ? "OK" : "SKIPPED (--no-verify)"));
        if (!s.plaintextLimit().equals(PlaintextLimit.DEFAULT)) {
            out.println("  record limit: " + s.plaintextLimit());
        }
        if (a.statusRequest) {
            out.println("  stapled OCSP: " + s.stapledOcspResponse().map(r -> r.length + " bytes (NOT validated)")
                    .orElse("none"));
        }
        out.println("  peer certificates:");
        for (int i = 0; i < s.peerCertificates().size(); i++) {
            Certificate c = s.peerCertificates().get(i);
            out.println("    " + i + " subject: " + c.subject());
            out.println("      issuer: " + c.issuer() + ", notAfter: " + c.notAfter());
        }
        if (received != null) {
            out.println("--- received " + received.getBytes(StandardCharsets.UTF_8).length + " bytes ---");
            out.print(received);
            if (!received.endsWith("\n")) {
                out.println();
            }
        }
    }

    private static void fail(CommandContext context, ConnectArguments a, TlsException e) {
        String alert = e.alert().map(x -> x.rfcName()).orElse(null);
        String from = e.alert().isEmpty() ? null : e.alertSource() == AlertSource.PEER ? "peer" : "us";
        if (a.json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", e.code().code());
            error.put("alert", alert);
            error.put("alertFrom", from);
            error.put("message", e.getMessage());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", false);
            json.put("error", error);
            context.out().println(Json.write(json));
        } else {
            context.err().println("securesocket connect: " + e.code().code() + ": " + e.getMessage()
                    + (alert == null ? "" : " (alert " + alert + (from.equals("us") ? " sent" : " received") + ")"));
        }
    }
}
