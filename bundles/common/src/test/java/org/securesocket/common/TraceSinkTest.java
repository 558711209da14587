package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceSinkTest {

    @Test
    void streamSinkPrefixesTheConnection() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceSink sink = TraceSink.stream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.trace("#1 example.com:443", "> ClientHello");
        TraceSink.NONE.trace("#1", "dropped");
        assertEquals("[#1 example.com:443] > ClientHello" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
