package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.TlsException;

/** NewSessionTicket in its TLS 1.2 form (RFC 5077 section 3.3): lifetime hint and opaque ticket. */
public record NewSessionTicket(long lifetimeHint, byte[] ticket) implements HandshakeMessage {
    public NewSessionTicket {
        if (lifetimeHint < 0 || lifetimeHint > 0xffffffffL) {
            throw new IllegalArgumentException("ticket_lifetime_hint is a uint32");
        }
        ticket = ticket.clone();
    }

    public static NewSessionTicket read(WireReader in) throws TlsException {
        long hint = (long) in.u16("ticket_lifetime_hint") << 16 | in.u16("ticket_lifetime_hint");
        return new NewSessionTicket(hint, in.vector16(0, 0xffff, "ticket"));
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
        out.u16((int) (lifetimeHint >>> 16)).u16((int) lifetimeHint).vector16(ticket);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewSessionTicket t && t.lifetimeHint == lifetimeHint && Arrays.equals(t.ticket, ticket);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticket);
    }
}
