package org.securesocket.record;

import java.nio.ByteBuffer;

/**
 * The application data of one record, decrypted in place. The view is reused by its
 * {@link RecordReader} (no allocation per record): it is valid only until the next call to
 * {@link RecordReader#read}, so consume or copy it before that.
 */
public final class ApplicationData implements InboundMessage {
    private ByteBuffer data;

    ApplicationData() {
    }

    void set(ByteBuffer view) {
        this.data = view;
    }

    /** The plaintext, from its position to its limit. */
    public ByteBuffer data() {
        return data;
    }

    @Override
    public String toString() {
        return "ApplicationData[" + data.remaining() + " bytes]";
    }
}
