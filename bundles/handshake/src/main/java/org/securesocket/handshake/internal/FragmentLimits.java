package org.securesocket.handshake.internal;

import java.util.List;
import java.util.Optional;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;

/**
 * The two ways to lower the record size, max_fragment_length (RFC 6066 section 4) and
 * record_size_limit (RFC 8449): what we offer, and what applies after the server's answer (the TLS
 * 1.2 ServerHello or the TLS 1.3 EncryptedExtensions). When max_fragment_length is requested, our
 * record_size_limit says the same size, so the records we receive are bounded whichever the server
 * honours; a server that supports record_size_limit ignores max_fragment_length (RFC 8449 section 5).
 */
final class FragmentLimits {
    /** Our record_size_limit without max_fragment_length: the TLS 1.3 maximum, 2^14 + 1 (RFC 8449 section 4). */
    private static final int MAX_RECORD_SIZE_LIMIT = PlaintextLimit.MAX_CONTENT + 1;

    private FragmentLimits() {
    }

    /** The max_fragment_length extension to offer, when the configuration asks for one. */
    static Optional<Extension> maxFragmentLengthOffer(Context ctx) {
        int code = ctx.config.extensions().maxFragmentLengthCode();
        return code == 0 ? Optional.empty() : Optional.of(ExtensionCodecs.maxFragmentLength(code));
    }

    /**
     * Our record_size_limit: the TLS 1.3 maximum, or the requested max_fragment_length plus the inner
     * content type byte TLS 1.3 counts.
     */
    static int ourRecordSizeLimit(Context ctx) {
        int mfl = ctx.config.extensions().maxFragmentLength();
        return mfl == 0 ? MAX_RECORD_SIZE_LIMIT : mfl + 1;
    }

    /**
     * Applies the server's answer in {@code extensions} (already checked to be offered ones) under
     * {@code version}: its record_size_limit bounds what we send (and the max_fragment_length asked for,
 * if smaller) and ours what we receive; an echoed
     * max_fragment_length must be the one we asked for (RFC 6066 section 4) and bounds both ways from
     * the next record on, handshake messages included. Both at once is an illegal_parameter (RFC 8449
     * section 5).
     */
    static void apply(Context ctx, List<Extension> extensions, ProtocolVersion version) throws TlsException {
        Optional<Extension> mfl = Extension.find(extensions, ExtensionType.MAX_FRAGMENT_LENGTH);
        Optional<Extension> rsl = Extension.find(extensions, ExtensionType.RECORD_SIZE_LIMIT);
        if (mfl.isPresent() && rsl.isPresent()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server answered both max_fragment_length"
                    + " and record_size_limit (RFC 8449 section 5)");
        }
        if (rsl.isPresent()) {
            ctx.plaintextLimit = PlaintextLimit.recordSizeLimit(Tls13Extensions.readRecordSizeLimit(rsl.get().data()),
                    version);
            int code = ctx.config.extensions().maxFragmentLengthCode();
            if (code != 0) {
                // the server bounds what we send, our record_size_limit what we receive; we keep to the size
                // asked for as well (smaller records are always allowed), so it holds both ways
                PlaintextLimit asked = PlaintextLimit.maxFragmentLength(code);
                if (asked.contentLimit() < ctx.plaintextLimit.contentLimit()) {
                    ctx.plaintextLimit = asked;
                }
                PlaintextLimit receive = PlaintextLimit.recordSizeLimit(ourRecordSizeLimit(ctx), version);
                ctx.records.setPlaintextLimits(receive, ctx.plaintextLimit);
                ctx.trace("record_size_limit answered instead of max_fragment_length: we send up to "
                        + ctx.plaintextLimit + ", receive up to " + receive);
            }
        } else if (mfl.isPresent()) {
            int code = ExtensionCodecs.readMaxFragmentLength(mfl.get().data());
            if (code != ctx.config.extensions().maxFragmentLengthCode()) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's max_fragment_length "
                        + code + " is not the " + ctx.config.extensions().maxFragmentLengthCode() + " we asked for ("
                        + ctx.config.extensions().maxFragmentLength() + " bytes, RFC 6066 section 4)");
            }
            ctx.plaintextLimit = PlaintextLimit.maxFragmentLength(code);
            ctx.records.setPlaintextLimits(ctx.plaintextLimit, ctx.plaintextLimit);
            ctx.trace("max_fragment_length accepted: records carry at most " + ctx.plaintextLimit + " each way");
        } else if (ctx.config.extensions().maxFragmentLength() != 0) {
            ctx.trace("the server ignored max_fragment_length: records up to 2^14 bytes each way");
        }
    }
}
