package org.securesocket.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * One extension as on the wire (RFC 8446 section 4.2): its type and opaque data. The typed
 * encoders and decoders of the data live in {@link ExtensionType}'s companions, e.g.
 * {@link ExtensionCodecs}.
 */
public record Extension(int type, byte[] data) {
    public Extension {
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("extension type out of range: " + type);
        }
        data = data.clone();
    }

    public Extension(ExtensionType type, byte[] data) {
        this(type.codepoint(), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The table row, empty for a type this stack does not know. */
    public Optional<ExtensionType> known() {
        return ExtensionType.fromCodepoint(type);
    }

    /** The type's name for messages: the RFC name, or the number. */
    public String name() {
        return known().map(ExtensionType::rfcName).orElse("extension " + type);
    }

    /**
     * Reads {@code Extension extensions<0..2^16-1>}, absent when nothing follows (RFC 5246 section 7.4.1.2).
     * The same type twice is an illegal_parameter (RFC 8446 section 4.2, RFC 5246 section 7.4.1.4).
     */
    public static List<Extension> readList(WireReader in, String where) throws TlsException {
        List<Extension> out = new ArrayList<>();
        if (!in.hasRemaining()) {
            return out;
        }
        WireReader list = in.sub16(0, where + " extensions");
        Set<Integer> seen = new HashSet<>();
        while (list.hasRemaining()) {
            int type = list.u16(where + " extension type");
            byte[] data = list.vector16(0, 0xffff, where + " extension data");
            if (!seen.add(type)) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, where + " holds "
                        + ExtensionType.describe(type) + " twice");
            }
            out.add(new Extension(type, data));
        }
        return out;
    }

    /** Writes the list with its 2-byte length; nothing at all for an empty list when {@code omitEmpty}. */
    public static void writeList(List<Extension> extensions, WireWriter out, boolean omitEmpty) {
        if (extensions.isEmpty() && omitEmpty) {
            return;
        }
        WireWriter list = new WireWriter();
        for (Extension e : extensions) {
            list.u16(e.type).vector16(e.data);
        }
        out.vector16(list.toByteArray());
    }

    /** The extension of this type in the list. */
    public static Optional<Extension> find(List<Extension> extensions, ExtensionType type) {
        for (Extension e : extensions) {
            if (e.type == type.codepoint()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The code points of the extensions in the list. */
    public static Set<Integer> types(List<Extension> extensions) {
        Set<Integer> types = new HashSet<>();
        for (Extension e : extensions) {
            types.add(e.type);
        }
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extension e && e.type == type && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name() + "[" + data.length + " bytes]";
    }
}
