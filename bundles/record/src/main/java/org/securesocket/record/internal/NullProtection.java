package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;

/** TLS_NULL_WITH_NULL_NULL: the state before the first key change, records carry plaintext. */
public final class NullProtection extends Protection {

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public boolean hidesContentType() {
        return false;
    }

    @Override
    public int maxRecordLength() {
        return PlaintextLimit.MAX_CONTENT;
    }

    @Override
    public int sealedLength(int contentLength) {
        return contentLength;
    }

    @Override
    public void seal(ContentType type, int recordVersion, ByteBuffer content, ByteBuffer out) {
        writeHeader(out, type.code(), recordVersion, content.remaining());
        out.put(content);
    }

    @Override
    public ContentType open(ContentType outerType, int recordVersion, ByteBuffer body, int contentLimit) {
        return outerType;
    }
}
