package org.securesocket.handshake;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.record.ProtocolVersion;

/** Paired encoders and decoders for the extensions TLS 1.3 added (RFC 8446 section 4.2). */
public final class Tls13Extensions {
    /** psk_dhe_ke (RFC 8446 section 4.2.9), the only mode we offer: resumption keeps forward secrecy. */
    public static final int PSK_DHE_KE = 1;

    /** One KeyShareEntry: the group's code point and the public value. */
    public record KeyShareEntry(int group, byte[] keyExchange) {
        public KeyShareEntry {
            keyExchange = keyExchange.clone();
        }

        @Override
        public byte[] keyExchange() {
            return keyExchange.clone();
        }

        static KeyShareEntry read(WireReader in) throws TlsException {
            int group = in.u16("key_share group");
            return new KeyShareEntry(group, in.vector16(1, 0xffff, "key_exchange"));
        }

        void write(WireWriter out) {
            out.u16(group).vector16(keyExchange);
        }
    }

    /** One PskIdentity: the ticket and the obfuscated ticket age. */
    public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {
        public PskIdentity {
            identity = identity.clone();
        }

        @Override
        public byte[] identity() {
            return identity.clone();
        }
    }

    private Tls13Extensions() {
    }

    /** A ClientHello's supported_versions, highest first (section 4.2.1). */
    public static Extension supportedVersions(List<ProtocolVersion> versions) {
        WireWriter list = new WireWriter();
        for (ProtocolVersion v : versions) {
            list.u16(v.wire());
        }
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, new WireWriter().vector8(list.toByteArray())
                .toByteArray());
    }

    /** A ServerHello's supported_versions: the selected version. */
    public static int readSelectedVersion(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        int version = in.u16("selected_version");
        in.expectEnd("supported_versions");
        return version;
    }

    /** A ClientHello's key_share: {@code KeyShareEntry client_shares<0..2^16-1>} (section 4.2.8). */
    public static Extension clientKeyShares(List<KeyShareEntry> shares) {
        WireWriter list = new WireWriter();
        for (KeyShareEntry share : shares) {
            share.write(list);
        }
        return new Extension(ExtensionType.KEY_SHARE, new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    /** The entries of a ClientHello's key_share (for tests and traces of injected hellos). */
    public static List<KeyShareEntry> readClientKeyShares(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        WireReader list = in.sub16(0, "client_shares");
        in.expectEnd("key_share");
        List<KeyShareEntry> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(KeyShareEntry.read(list));
        }
        return out;
    }

    /** A ServerHello's key_share: one KeyShareEntry. */
    public static KeyShareEntry readServerKeyShare(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        KeyShareEntry entry = KeyShareEntry.read(in);
        in.expectEnd("key_share");
        return entry;
    }

    /** A HelloRetryRequest's key_share: the selected group only. */
    public static int readSelectedGroup(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        int group = in.u16("selected_group");
        in.expectEnd("key_share");
        return group;
    }

    /** A ServerHello's key_share (for tests that play the server). */
    public static Extension serverKeyShare(KeyShareEntry entry) {
        WireWriter out = new WireWriter();
        entry.write(out);
        return new Extension(ExtensionType.KEY_SHARE, out.toByteArray());
    }

    /** psk_key_exchange_modes offering psk_dhe_ke (section 4.2.9). */
    public static Extension pskKeyExchangeModes() {
        return new Extension(ExtensionType.PSK_KEY_EXCHANGE_MODES, new byte[] {1, PSK_DHE_KE});
    }

    /** cookie: {@code opaque cookie<1..2^16-1>} (section 4.2.2), echoed from a HelloRetryRequest. */
    public static Extension cookie(byte[] cookie) {
        return new Extension(ExtensionType.COOKIE, new WireWriter().vector16(cookie).toByteArray());
    }

    public static byte[] readCookie(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        byte[] cookie = in.vector16(1, 0xffff, "cookie");
        in.expectEnd("cookie");
        return cookie;
    }

    /**
     * A ClientHello's pre_shared_key (section 4.2.11): the identities and the binders. The binders
     * are computed over the hello up to the binders list, so the caller first writes zeros of the
     * right lengths and then replaces them ({@link #bindersLength}).
     */
    public static Extension preSharedKey(List<PskIdentity> identities, List<byte[]> binders) {
        WireWriter ids = new WireWriter();
        identities.forEach(i -> ids.vector16(i.identity).u16((int) (i.obfuscatedTicketAge >>> 16))
                .u16((int) i.obfuscatedTicketAge));
        WireWriter bs = new WireWriter();
        binders.forEach(bs::vector8);
        return new Extension(ExtensionType.PRE_SHARED_KEY, new WireWriter().vector16(ids.toByteArray())
                .vector16(bs.toByteArray()).toByteArray());
    }

    /** The bytes the binders list takes at the end of a ClientHello: its 2-byte length and each binder's. */
    public static int bindersLength(List<Integer> binderLengths) {
        return 2 + binderLengths.stream().mapToInt(l -> 1 + l).sum();
    }

    /** A ServerHello's pre_shared_key: the selected identity. */
    public static int readSelectedIdentity(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        int selected = in.u16("selected_identity");
        in.expectEnd("pre_shared_key");
        return selected;
    }

    /** record_size_limit (RFC 8449 section 4): a uint16 of at least 64. */
    public static Extension recordSizeLimit(int limit) {
        return new Extension(ExtensionType.RECORD_SIZE_LIMIT, new WireWriter().u16(limit).toByteArray());
    }

    /** The peer's value; {@code PlaintextLimit.recordSizeLimit} checks its range. */
    public static int readRecordSizeLimit(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        int limit = in.u16("record_size_limit");
        in.expectEnd("record_size_limit");
        return limit;
    }

    /** The group of a code point we offered, or illegal_parameter. */
    public static NamedGroup offeredGroup(int codepoint, List<NamedGroup> offered, String what) throws TlsException {
        NamedGroup group = NamedGroup.fromCodepoint(codepoint).orElse(null);
        if (group == null || !offered.contains(group)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format("the server's %s names the"
                    + " group 0x%04x, which we did not offer (we offered %s)", what, codepoint, offered));
        }
        return group;
    }
}
