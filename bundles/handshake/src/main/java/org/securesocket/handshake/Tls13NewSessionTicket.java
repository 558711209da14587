package org.securesocket.handshake;

import java.util.Arrays;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * NewSessionTicket in its TLS 1.3 form (RFC 8446 section 4.6.1): {@code uint32 ticket_lifetime; uint32
 * ticket_age_add; opaque ticket_nonce<0..255>; opaque ticket<1..2^16-1>; Extension extensions<0..2^16-2>}.
 */
public record Tls13NewSessionTicket(long lifetime, long ageAdd, byte[] nonce, byte[] ticket,
        List<Extension> extensions) implements HandshakeMessage {
    /** The longest lifetime a server may give: seven days (RFC 8446 section 4.6.1). */
    public static final long MAX_LIFETIME_SECONDS = 604800;

    public Tls13NewSessionTicket {
        nonce = nonce.clone();
        ticket = ticket.clone();
        extensions = List.copyOf(extensions);
    }

    public static Tls13NewSessionTicket read(WireReader in) throws TlsException {
        long lifetime = u32(in, "ticket_lifetime");
        if (lifetime > MAX_LIFETIME_SECONDS) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the ticket_lifetime " + lifetime
                    + " s exceeds seven days (RFC 8446 section 4.6.1)");
        }
        long ageAdd = u32(in, "ticket_age_add");
        byte[] nonce = in.vector8(0, 0xff, "ticket_nonce");
        byte[] ticket = in.vector16(1, 0xffff, "ticket");
        if (!in.hasRemaining()) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "a new_session_ticket lacks its extensions");
        }
        return new Tls13NewSessionTicket(lifetime, ageAdd, nonce, ticket, Extension.readList(in, "new_session_ticket"));
    }

    private static long u32(WireReader in, String what) throws TlsException {
        return (long) in.u16(what) << 16 | in.u16(what);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void write(WireWriter out) {
        out.u16((int) (lifetime >>> 16)).u16((int) lifetime).u16((int) (ageAdd >>> 16)).u16((int) ageAdd);
        out.vector8(nonce).vector16(ticket);
        Extension.writeList(extensions, out, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13NewSessionTicket t && t.lifetime == lifetime && t.ageAdd == ageAdd
                && Arrays.equals(t.nonce, nonce) && Arrays.equals(t.ticket, ticket) && t.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }
}
